/**
 * The production PC console's one rule of entry (kept free of Taro so it is tested on its own):
 * without a web session, every page but the sign-in page (and the few pages meant for anyone,
 * such as the privacy notice) sends the visitor to sign in. The console has no citizen use: a
 * browser without a session would otherwise see the citizen view.
 */
export function signInRedirect(
  path: string,
  signedIn: boolean,
  loginPage: string,
  open: readonly string[] = [],
): string | null {
  if (signedIn) return null;
  const page = `/${path.split('?')[0].replace(/^\/+/, '')}`;
  if (page === loginPage || open.includes(page)) return null;
  return loginPage;
}

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
  // A staff page (a shared link, a reload after the session ended) is where they return to.
  return isStaffPage(path) ? `${loginPage}?to=${encodeURIComponent(`/${path.replace(/^\/+/, '')}`)}` : loginPage;
}

const isStaffPage = (to: string) => /^\/?staff\/[a-z]+\/[a-z]+(\?[^#]*)?$/i.test(to);

/** Where a PC goes once signed in: the staff page it asked for, else the console's first page. */
export function afterSignIn(to: string | undefined, fallback: string): string {
  const asked = to ? safeDecode(to) : '';
  return asked.startsWith('/') && isStaffPage(asked) ? asked : fallback;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return '';
  }
}

/**
 * The production PC console's one rule of entry (kept free of Taro so it is tested on its own):
 * without a web session, every page but the sign-in page (and the few pages meant for anyone,
 * such as the privacy notice) sends the visitor to sign in. The console has no citizen use: a
 * browser without a session would otherwise see the citizen view. A staff or member page asked
 * for (a link from a colleague, a bookmark) is where the person lands once signed in.
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
  const wanted = `/${path.replace(/^\/+/, '')}`;
  return WORK_PAGE.test(wanted) ? `${loginPage}?next=${encodeURIComponent(wanted)}` : loginPage;
}

/** A page of the console's own, with its query: nothing that could lead off the site. */
const WORK_PAGE = /^\/(staff|member)\/[\w/-]+(\?[\w=&%.-]*)?$/;

/** Where the sign-in page sends the person once signed in: the page asked for, or `fallback`. */
export function afterSignIn(next: string | undefined, fallback: string): string {
  let page = '';
  try {
    page = decodeURIComponent(next ?? '');
  } catch {
    return fallback;
  }
  return WORK_PAGE.test(page) ? page : fallback;
}

/**
 * The production console's rule of entry (client/src/services/signInRule.ts): without a web
 * session every page but the sign-in page and the open ones sends the visitor to sign in.
 */
import { afterSignIn, signInRedirect } from '../../client/src/services/signInRule';

const LOGIN = '/account/login';
const OPEN = ['/pages/privacy/index'];

describe('console sign-in rule', () => {
  it('when nobody is signed in and the site root or the citizen home opens, then the sign-in page is shown instead', () => {
    expect(signInRedirect('/', false, LOGIN, OPEN)).toBe(LOGIN);
    expect(signInRedirect('', false, LOGIN, OPEN)).toBe(LOGIN);
    expect(signInRedirect('/pages/index/index', false, LOGIN, OPEN)).toBe(LOGIN);
  });

  it('when nobody is signed in and a staff page opens (with or without its query), then sign-in comes first and then that page', () => {
    const first = signInRedirect('/staff/notices/detail?id=n1', false, LOGIN, OPEN)!;
    expect(first).toBe(`${LOGIN}?next=%2Fstaff%2Fnotices%2Fdetail%3Fid%3Dn1`);
    expect(afterSignIn(new URLSearchParams(first.split('?')[1]).get('next')!, '/staff/concerns/index')).toBe(
      '/staff/notices/detail?id=n1',
    );
    expect(signInRedirect('staff/concerns/index', false, LOGIN, OPEN)).toBe(
      `${LOGIN}?next=%2Fstaff%2Fconcerns%2Findex`,
    );
  });

  it('when the page to return to is missing, malformed or leads elsewhere, then sign-in opens the console', () => {
    const home = '/staff/concerns/index';
    for (const next of [
      undefined,
      '',
      '%E0%A4%A',
      'https://elsewhere.invalid/x',
      '//elsewhere/x',
      '/pages/index/index',
      '/staff/x?a=<b>',
    ])
      expect(afterSignIn(next, home)).toBe(home);
    expect(afterSignIn('%2Fmember%2Fduty%2Findex', home)).toBe('/member/duty/index');
  });

  it('when nobody is signed in and the sign-in page or an open page opens, then it stays (no loop)', () => {
    expect(signInRedirect(LOGIN, false, LOGIN, OPEN)).toBeNull();
    expect(signInRedirect(`${LOGIN}?from=x`, false, LOGIN, OPEN)).toBeNull();
    expect(signInRedirect('/pages/privacy/index', false, LOGIN, OPEN)).toBeNull();
  });

  it('when the browser holds a session, then every page stays', () => {
    for (const p of ['/', '/pages/index/index', '/staff/notices/detail?id=n1', LOGIN]) {
      expect(signInRedirect(p, true, LOGIN, OPEN)).toBeNull();
    }
  });
});

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

  it('when nobody is signed in and a staff page opens (with or without its query), then the sign-in page is shown, asked to return there', () => {
    expect(signInRedirect('/staff/notices/detail?id=n1', false, LOGIN, OPEN)).toBe(
      `${LOGIN}?to=${encodeURIComponent('/staff/notices/detail?id=n1')}`,
    );
    expect(signInRedirect('staff/concerns/index', false, LOGIN, OPEN)).toBe(`${LOGIN}?to=%2Fstaff%2Fconcerns%2Findex`);
  });

  it('when the PC has signed in, then it returns to the staff page asked for, and only to a staff page', () => {
    const HOME = '/staff/dashboard/index';
    expect(afterSignIn(encodeURIComponent('/staff/notices/detail?id=n1'), HOME)).toBe('/staff/notices/detail?id=n1');
    expect(afterSignIn('/staff/concerns/index?status=submitted', HOME)).toBe('/staff/concerns/index?status=submitted');
    expect(afterSignIn(undefined, HOME)).toBe(HOME);
    for (const bad of ['https://example.org/x', '//evil/staff/a/b', '/pages/index/index', '%E0%A4%A', 'staff/a/b']) {
      expect(afterSignIn(bad, HOME)).toBe(HOME);
    }
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

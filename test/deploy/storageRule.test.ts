/** The storage rule the deploy sets: clients write only their own photos and PDFs, in the upload folders. */
import { STORAGE_RULE } from '../../scripts/deploy/desired';

const pathPattern = () => {
  const literal = /\/\^(.+)\$\/\.test\(resource\.path\) == true/.exec(String(STORAGE_RULE.write));
  return new RegExp(`^${literal![1]}$`);
};

it('when a client uploads, then only <purpose>/<openid>/<photo or pdf> paths are writable, by their owner (a WeChat user or a signed-in PC)', () => {
  const allowed = pathPattern();
  for (const path of [
    'concerns/o1/1.jpg',
    'replies/o-_1/1.jpeg',
    'liaison/o1/1.png',
    'notice-files/o1/a.pdf',
    'workstations/o1/a.jpg',
  ])
    expect(allowed.test(path)).toBe(true);
  for (const path of [
    'concerns/1.jpg',
    'deploy/weapp.json',
    'concerns/o1/x/1.jpg',
    'other/o1/1.jpg',
    'concerns//1.jpg',
    'notice-files/o1/page.html',
    'concerns/o.1/1.jpg',
  ])
    expect(allowed.test(path)).toBe(false);
  const owner =
    "auth != null && (resource.openid == auth.openid || (auth.loginType == 'CUSTOM' && resource.openid == auth.uid))";
  expect(String(STORAGE_RULE.write).startsWith(`${owner} && `)).toBe(true);
  expect(STORAGE_RULE.read).toBe(owner);
});

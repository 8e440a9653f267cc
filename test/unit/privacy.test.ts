/**
 * The privacy declaration (client/src/privacy.ts) says what the client really does: every call of
 * a WeChat privacy API in client/src is declared, no declared item is stale, and app.json's
 * requiredPrivateInfos names exactly the location APIs called. The page and the console's guide
 * are derived from the same declaration.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NOT_PERSONAL, PRIVACY_ITEMS, requiredPrivateInfos } from '../../client/src/privacy';
import { privacyGuide } from '../../scripts/privacy-guide';

const SRC = join(__dirname, '../../client/src');

/** WeChat's privacy APIs (小程序用户隐私保护指引内容介绍), and calls that look like them. */
const PRIVACY_APIS = [
  'getUserInfo',
  'getUserProfile',
  'authorize',
  'getLocation',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'choosePoi',
  'chooseLocation',
  'chooseAddress',
  'chooseInvoice',
  'chooseInvoiceTitle',
  'getWeRunData',
  'chooseLicensePlate',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'startRecord',
  'getRecorderManager',
  'joinVoIPChat',
  'createCameraContext',
  'createVKSession',
  'openBluetoothAdapter',
  'createBLEPeripheralServer',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'addPhoneContact',
  'addPhoneCalendar',
  'addPhoneRepeatCalendar',
  'getClipboardData',
  'setClipboardData',
  'scanCode',
  'makePhoneCall',
  'previewImage',
];
/** Components and button kinds that collect personal information. */
const PRIVACY_MARKUP: Record<string, RegExp> = {
  getPhoneNumber: /openType=["{']*getPhoneNumber|open-type=["']getPhoneNumber/,
  getRealtimePhoneNumber: /openType=["{']*getRealtimePhoneNumber/,
  chooseAvatar: /openType=["{']*chooseAvatar/,
  nickname: /type=["{']*nickname["']/,
  Camera: /<Camera[\s>]/,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** api → the files that call it. */
function calls(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const callRe = new RegExp(`\\b(?:Taro|wx)\\.(${PRIVACY_APIS.join('|')})\\b`, 'g');
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    const add = (api: string) => found.set(api, [...new Set([...(found.get(api) ?? []), where])]);
    for (const m of text.matchAll(callRe)) add(m[1]);
    for (const [api, re] of Object.entries(PRIVACY_MARKUP)) if (re.test(text)) add(api);
  }
  return found;
}

const declared = new Set(PRIVACY_ITEMS.flatMap((i) => i.apis));

test('when the client calls a privacy API, then the declaration names it (or says why it collects nothing)', () => {
  const undeclared = [...calls()]
    .filter(([api]) => !declared.has(api) && !(api in NOT_PERSONAL))
    .map(([api, files]) => `${api} (${files.join(', ')})`);
  expect(undeclared).toEqual([]);
});

test('when the client picks photos, then it uses chooseMedia: WeChat has superseded chooseImage', () => {
  const used = calls();
  expect(used.get('chooseImage') ?? []).toEqual([]);
  expect(used.get('chooseMedia')).toEqual(['services/photos.ts']);
});

test('when an item is declared, then the client still calls one of its APIs', () => {
  const used = calls();
  const stale = PRIVACY_ITEMS.filter((i) => !i.apis.some((api) => used.has(api))).map((i) => i.name);
  expect(stale).toEqual([]);
});

test('when app.json is built, then requiredPrivateInfos names exactly the location APIs called', () => {
  const used = [...calls().keys()];
  const location = ['getLocation', 'getFuzzyLocation', 'onLocationChange', 'startLocationUpdate', 'chooseLocation'];
  expect(requiredPrivateInfos().sort()).toEqual(used.filter((a) => location.includes(a)).sort());
  const config = readFileSync(join(SRC, 'app.config.ts'), 'utf8');
  expect(config).toMatch(/requiredPrivateInfos: requiredPrivateInfos\(\)/);
});

test('when the page and the console guide are made, then both come from the declaration', () => {
  const page = readFileSync(join(SRC, 'pages/privacy/index.tsx'), 'utf8');
  expect(page).toMatch(/\.\.\.guideLines\(\)/);
  const guide = privacyGuide();
  for (const item of PRIVACY_ITEMS) {
    expect(guide).toContain(item.name);
    expect(guide).toContain(item.purpose);
  }
  expect(guide).toContain('getLocation、chooseLocation');
});

/**
 * The one declaration of the personal information the mini-program handles through WeChat's
 * privacy APIs. From it come the privacy page (pages/privacy), `requiredPrivateInfos` in
 * app.config.ts, and the text filed as 《用户隐私保护指引》 in the WeChat console
 * (`npm run privacy:guide`); test/unit/privacy.test.ts fails when the client calls a privacy API
 * declared nowhere here.
 *
 * Authorization: the app registers no `onNeedPrivacyAuthorization` listener, so WeChat shows its
 * own privacy popup (官方隐私弹窗) before the first privacy API call, with the guide filed in the
 * console; since base library 3.4.2 the location dialog carries the privacy checkbox itself. The
 * privacy page opens the filed guide (openPrivacyContract) so both say the same thing.
 *
 * Plain data, no zod: app.config.ts and a script read it outside the app.
 */

/** A kind of information in WeChat's privacy guide (its key in the console and the open API). */
export interface PrivacyItem {
  /** The console's key for the item (privacy_key), e.g. Location, Album, Clipboard. */
  key: string;
  /** The console's name for it, as the guide shows it. */
  name: string;
  /** The WeChat APIs (without the `Taro.` / `wx.` prefix) that collect it. */
  apis: string[];
  /** What is collected, in the citizen's words. */
  collected: string;
  /** Why: the guide's "用于……" sentence, completed with the purpose. */
  purpose: string;
  /** Who uses it: 群众, 委员, 工作人员. */
  who: string;
}

export const PRIVACY_ITEMS: readonly PrivacyItem[] = [
  {
    key: 'Location',
    name: '位置信息',
    apis: ['getLocation'],
    collected: '您同意时手机的当前位置（经纬度）',
    purpose: '查找离您最近的委员工作站，填写诉求发生的地点，核对委员值班签到时是否在工作站',
    who: '群众、委员、工作人员',
  },
  {
    key: 'ChooseLocation',
    name: '选择的位置信息',
    apis: ['chooseLocation'],
    collected: '您在地图上选择的地点（名称、地址、经纬度）',
    purpose: '标明诉求发生的地点，登记委员工作站的位置',
    who: '群众、工作人员',
  },
  {
    key: 'Album',
    name: '选中的照片或视频信息',
    apis: ['chooseMedia'],
    collected: '您选择或拍摄的照片',
    purpose: '随诉求、答复和履职记录上传现场照片，帮助承办人了解情况',
    who: '群众、委员、工作人员',
  },
  {
    key: 'MessageFile',
    name: '选中的文件',
    apis: ['chooseMessageFile'],
    collected: '工作人员从聊天中选择的文件',
    purpose: '为通知添加附件',
    who: '工作人员',
  },
  {
    key: 'AlbumWriteOnly',
    name: '相册（仅写入）权限',
    apis: ['saveImageToPhotosAlbum'],
    collected: '不读取相册，只把工作站二维码海报保存到相册',
    purpose: '保存工作站二维码海报以便打印张贴',
    who: '工作人员',
  },
  {
    key: 'Clipboard',
    name: '剪切板',
    apis: ['setClipboardData'],
    collected: '不读取剪切板，只写入您要复制的链接',
    purpose: '复制通知中的链接，以便在浏览器中打开',
    who: '委员、工作人员',
  },
];

/**
 * Calls that look like privacy APIs but collect nothing the guide covers; listed so the scanning
 * test knows they were considered.
 */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  scanCode: '扫码由微信完成，本小程序只收到二维码的内容（值班签到码）',
  previewImage: '只显示照片，不收集信息',
  makePhoneCall: '由您确认后拨打，不收集信息',
};

/** The location APIs WeChat requires in app.json's requiredPrivateInfos. */
const REQUIRED_PRIVATE_INFOS = [
  'getLocation',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const;

/** app.json's requiredPrivateInfos: exactly the declared location APIs. */
export function requiredPrivateInfos(): Array<(typeof REQUIRED_PRIVATE_INFOS)[number]> {
  const declared = PRIVACY_ITEMS.flatMap((i) => i.apis);
  return REQUIRED_PRIVATE_INFOS.filter((api) => declared.includes(api));
}

/** One sentence per item, for the privacy page and the console's guide: what, and what for. */
export function guideLines(): string[] {
  return PRIVACY_ITEMS.map((i) => `【${i.name}】${i.collected}，用于${i.purpose}（${i.who}）。`);
}

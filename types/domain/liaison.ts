import type { LastChange } from './change';
/**
 * Liaison records and the member's record (PRODUCT.md §5): seed 004's "1158" method — 1 base unit,
 * about 10 sector contacts, 5 channels, 8 occasions that call for a visit (八必访) — and seed 000's
 * quotas (at least 1 activity a quarter, at least 50 person-times a year).
 */
import type { MediaCheck } from './files';

/** The five channels (五个渠道) of seed 004. */
export const LIAISON_CHANNELS = ['face', 'regular', 'online', 'service', 'innovative'] as const;
export type LiaisonChannel = (typeof LIAISON_CHANNELS)[number];
export const LIAISON_CHANNEL_LABELS: Record<LiaisonChannel, string> = {
  face: '面对面联系',
  regular: '经常性联系',
  online: '线上联系',
  service: '服务联系',
  innovative: '沙龙/工作站',
};
export const LIAISON_CHANNEL_HINTS: Record<LiaisonChannel, string> = {
  face: '上门走访、座谈交流',
  regular: '调查研究、征集社情民意',
  online: '微信群、移动履职',
  service: '慰问走访、法律援助、义诊等',
  innovative: '委员沙龙、委员工作站',
};

/** The eight occasions that call for a visit (八必访) of seed 004. */
export const LIAISON_OCCASIONS = [
  'speech',
  'congress',
  'policy',
  'plenary',
  'change',
  'demand',
  'difficulty',
  'festival',
] as const;
export type LiaisonOccasion = (typeof LIAISON_OCCASIONS)[number];
export const LIAISON_OCCASION_LABELS: Record<LiaisonOccasion, string> = {
  speech: '重要讲话、指示批示后',
  congress: '党代会、两会闭幕后',
  policy: '出台界别相关政策后',
  plenary: '政协全会召开前',
  change: '联系人工作生活重大变化时',
  demand: '群众提出重要诉求建议时',
  difficulty: '群众遇到较大困难时',
  festival: '界别重要节日、纪念日',
};
/** The built-in occasions as a form offers them (a unit's own list comes as the same shape). */
export const LIAISON_OCCASION_CHOICES: { value: string; label: string }[] = LIAISON_OCCASIONS.map((o) => ({
  value: o,
  label: LIAISON_OCCASION_LABELS[o],
}));
/** How a stored occasion reads: a built-in key by its label, a unit's own occasion as it is. */
export const occasionLabel = (o: string) => LIAISON_OCCASION_LABELS[o as LiaisonOccasion] ?? o;

/** Groups of people a record can say it reached (联系了哪些人群); free text is allowed too. */
export const LIAISON_GROUP_SUGGESTIONS = [
  '企业职工',
  '个体工商户',
  '教师',
  '医务人员',
  '农民',
  '社区居民',
  '青年学生',
  '老年人',
];
/** Services a record can say it gave (开展了哪些服务); free text is allowed too. */
export const LIAISON_SERVICE_SUGGESTIONS = ['政策宣讲', '法律咨询', '义诊', '慰问帮扶', '就业指导', '收集意见'];

/** Defaults from seed 000; a unit may set its own (liaison_quotas, nearest ancestor wins). */
export interface LiaisonQuota {
  activitiesPerQuarter: number;
  personTimesPerYear: number;
}
export const DEFAULT_LIAISON_QUOTA: LiaisonQuota = { activitiesPerQuarter: 1, personTimesPerYear: 50 };

/** A liaison activity a member logged. `date` is when it happened (UTC; bucketed in China time). */
export interface LiaisonRecord {
  _id: string;
  memberId: string;
  memberName: string;
  unitId: string;
  unitPath: string[];
  sectorId: string | null;
  date: Date;
  channel: LiaisonChannel;
  /** A built-in occasion's key, or a unit's own occasion as worded (its list, issue 17). */
  occasion: string | null;
  /** The place or organisation visited (进了哪个企业). */
  place: string;
  /** Groups reached (联系了哪些人群). */
  groups: string[];
  personTimes: number;
  /** Services given (开展了哪些服务). */
  services: string[];
  summary: string;
  photos: string[];
  contactIds: string[];
  contactNames: string[];
  pairingId: string | null;
  pairingName: string;
  /** Concerns created from this record (in the concerns workflow, source 'member'). */
  concernIds: string[];
  /** Proposals it fed, by proposal id, set when the proposal is filed (as its concerns are told). */
  proposalLinks?: Record<string, { title: string; at: Date }>;
  /** Image checks still owed a verdict, and the photos they flagged (shown to no one but staff). */
  mediaChecks?: MediaCheck[];
  hiddenPhotos?: string[];
  createdAt: Date;
}

/** A sector contact (界别群众联系人); the phone is shown unmasked to the member alone. */
export interface LiaisonContact {
  id: string;
  name: string;
  unit: string;
  occupation: string;
  phone: string | null;
  tags: string[];
}

/** The one base unit (联系点): a community, building or enterprise. */
export interface LiaisonBase {
  name: string;
  kind: string;
  address: string;
}

/** A standing pairing (结对帮扶) with a family or unit; its records carry its id. */
export interface LiaisonPairing {
  id: string;
  name: string;
  kind: 'family' | 'unit';
  note: string;
  since: string;
}
export const PAIRING_KIND_LABELS: Record<LiaisonPairing['kind'], string> = { family: '家庭', unit: '单位' };

/**
 * One member's standing liaison set-up, kept in one document (`_id` = the member's user id): the
 * base unit, ~10 contacts and a few pairings are small and always read together, so the record
 * form's defaults cost one read.
 */
export interface LiaisonProfile {
  _id: string;
  unitPath: string[];
  base: LiaisonBase | null;
  contacts: LiaisonContact[];
  pairings: LiaisonPairing[];
  /** Bumped by every change: a save applies only to the version it was read at. */
  version: number;
  /** The request tags of the latest changes (newest first): a retried change is not applied twice. */
  changes?: string[];
  /** The latest change's tag and what it replaced (null: it created the profile), for its retry. */
  lastChange?: { mark: string; before: Pick<LiaisonProfile, 'base' | 'contacts' | 'pairings'> | null };
  updatedAt: Date;
}
export const MAX_CONTACTS = 30;
export const MAX_PAIRINGS = 10;

/**
 * 网格化联系 (seed 000): a special-committee director or a sector convener and the members they
 * liaise with. Names are copied so the director's list is one read.
 */
export interface LiaisonGridEntry {
  _id: string;
  unitId: string;
  unitPath: string[];
  kind: 'committee' | 'sector';
  groupId: string;
  groupName: string;
  leaderId: string;
  leaderName: string;
  memberIds: string[];
  members: { userId: string; name: string; sectorName: string; openid: string | null }[];
  /** The last change: the request that made it and the fields it replaced (server only). */
  lastChange?: LastChange | null;
}
export const GRID_KIND_LABELS: Record<LiaisonGridEntry['kind'], string> = {
  committee: '专委会主任联系',
  sector: '界别召集人联系',
};

/**
 * The admin console (issue 17): units, sectors, committees, accounts, 换届, bulk import and the
 * audit log. Every action here is for admins of a unit's subtree, except reading the audit log,
 * which staff may do for their own subtree.
 */
import { z } from '../zod';
import type { Page } from '../contract';
import type { OrgLevel } from '../domain/org';
import { ROLES, type Role } from '../roles';
import { id, pageInput, sortBy, text } from './fields';

const ids = (label: string, max: number) =>
  z
    .array(id(label), { error: `${label}无效` })
    .max(max, `最多选择 ${max} 个${label}`)
    .default([]);

export interface AdminUnit {
  _id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  path: string[];
  retired: boolean;
  /** A move under way: 迁移中, with its progress (records rewritten, steps done of all). */
  moving: { done: number; step: number; steps: number } | null;
}

export const adminOrgTree = {
  input: z.object({}),
  result: {} as { items: AdminUnit[]; scopeUnitId: string },
};

export const adminCreateUnit = {
  input: z.object({ parentId: id('上级单位'), name: text('单位名称', 2, 40) }),
  result: {} as { _id: string },
};

export const adminRenameUnit = {
  input: z.object({ unitId: id('单位'), name: text('单位名称', 2, 40) }),
  result: {} as { _id: string },
};

export const adminMoveUnit = {
  input: z.object({ unitId: id('单位'), parentId: id('新的上级单位') }),
  /** The unit; its records may still be being re-pathed (the tree shows the progress). */
  result: {} as { _id: string },
};

export const adminRetireUnit = {
  input: z.object({ unitId: id('单位') }),
  result: {} as { _id: string; units: number; people: number },
};

export interface SectorRow {
  _id: string;
  name: string;
  order: number;
  convenerId: string | null;
  convenerName: string;
}
export interface CommitteeRow {
  _id: string;
  name: string;
  directorId: string | null;
  directorName: string;
  sectorIds: string[];
  workstationIds: string[];
}
export interface StationRow {
  _id: string;
  name: string;
  sectorIds: string[];
}

export const adminOrgDetail = {
  input: z.object({ unitId: id('单位') }),
  result: {} as {
    unit: AdminUnit;
    sectors: SectorRow[];
    committees: CommitteeRow[];
    workstations: StationRow[];
    /** The unit's members, to choose a convener or director from (by name, at most 200). */
    members: { _id: string; name: string }[];
    /** Concern categories and 八必访 occasions; `custom` false means the built-in defaults. */
    categories: string[];
    occasions: string[];
    custom: boolean;
    /** When the unit has no lists of its own: the nearest unit above whose lists it uses (null: the built-in ones). */
    inheritedFrom: string | null;
  },
};

export const adminSaveSector = {
  input: z.object({
    unitId: id('单位'),
    sectorId: id('界别').optional(),
    name: text('界别名称', 2, 20),
    convenerId: id('召集人').nullable().optional(),
  }),
  result: {} as { _id: string },
};

export const adminSaveCommittee = {
  input: z.object({
    unitId: id('单位'),
    committeeId: id('专委会').optional(),
    name: text('专委会名称', 2, 30),
    directorId: id('主任').nullable().optional(),
    sectorIds: ids('界别', 40),
    workstationIds: ids('工作站', 50),
  }),
  result: {} as { _id: string },
};

export const adminLinkWorkstation = {
  input: z.object({ workstationId: id('工作站'), sectorIds: ids('界别', 40) }),
  result: {} as { _id: string },
};

const listItem = (label: string) => text(label, 2, 20);
export const adminSaveUnitLists = {
  input: z.object({
    unitId: id('单位'),
    categories: z
      .array(listItem('诉求类别'), { error: '诉求类别无效' })
      .min(1, '至少保留一个诉求类别')
      .max(20, '诉求类别最多 20 个'),
    occasions: z
      .array(listItem('走访时机'), { error: '走访时机无效' })
      .min(1, '至少保留一个走访时机')
      .max(12, '走访时机最多 12 个'),
  }),
  result: {} as { unitId: string },
};

export interface AccountRow {
  _id: string;
  name: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  phone: string;
  status: 'active' | 'revoked' | 'termEnded';
  /** 换届: the term that ended for this person. */
  term: string;
}

export const adminListAccounts = {
  input: z.object({
    ...pageInput,
    q: z.string({ error: '搜索内容无效' }).trim().max(20, '搜索内容不能超过 20 个字').optional(),
    role: z.enum(ROLES, { error: '身份无效' }).optional(),
    unitId: id('单位').optional(),
    /** By name over every page, A→Z by default (users' unit_path index). */
    sort: sortBy('name'),
  }),
  result: {} as Page<AccountRow>,
};

const grantable = z.enum(['member', 'staff', 'admin'], { error: '身份无效' });
export const adminUpdateAccount = {
  input: z.object({
    userId: id('账号'),
    roles: z.array(grantable, { error: '身份无效' }).min(1, '至少保留一个身份；要停用请用「停用」').max(3, '身份无效'),
    unitId: id('单位'),
  }),
  result: {} as { _id: string },
};

export const adminRevokeAccount = {
  input: z.object({ userId: id('账号') }),
  result: {} as { _id: string },
};

export const adminResendInvitation = {
  input: z.object({ invitationId: id('邀请') }),
  result: {} as { _id: string; code: string; expiresAt: string },
};

export const adminTermPreview = {
  input: z.object({ unitId: id('单位') }),
  result: {} as { count: number; names: string[] },
};

export const adminEndTerm = {
  input: z.object({
    unitId: id('单位'),
    term: text('届次名称', 2, 20),
    /** The count the admin confirmed: a different count now means someone changed the list. */
    count: z.number({ error: '人数无效' }).int('人数无效').min(1, '没有可结束任期的委员'),
  }),
  result: {} as { ended: number },
};

/** The import file: an .xlsx as base64 (a template of 500 rows is under 100 KB). */
const importFile = {
  unitId: id('单位'),
  file: z.string({ error: '请选择 Excel 文件' }).min(20, '请选择 Excel 文件').max(1_400_000, '文件不能超过 1 MB'),
};

export interface ImportRow {
  /** The row number in the sheet (the header is row 1). */
  row: number;
  name: string;
  role: string;
  phone: string;
  sectorName: string;
  status: 'ok' | 'error' | 'duplicate' | 'exists';
  /** Chinese: what is wrong, or what will happen. */
  message: string;
  /** After the import: the invitation code made for the row. */
  code?: string;
}

export const adminImportTemplate = {
  input: z.object({}),
  result: {} as { fileName: string; url: string },
};

export const adminImportPreview = {
  input: z.object(importFile),
  result: {} as { rows: ImportRow[]; valid: number },
};

export const adminImportCommit = {
  input: z.object(importFile),
  result: {} as { created: number; skipped: number; errors: number; rows: ImportRow[] },
};

export interface AuditRow {
  _id: string;
  actorName: string;
  action: string;
  actionLabel: string;
  target: string;
  before: string;
  after: string;
  at: string;
}

const day = (label: string) =>
  z
    .string({ error: `${label}无效` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应写作 2026-01-31`)
    .optional();

export const adminAuditLog = {
  input: z.object({
    ...pageInput,
    actor: z.string({ error: '操作人无效' }).trim().max(20, '操作人不能超过 20 个字').optional(),
    action: z.string({ error: '操作无效' }).trim().max(40, '操作无效').optional(),
    from: day('开始日期'),
    to: day('结束日期'),
    /** By time over every page, newest first by default (audit's unit_path_at index). */
    sort: sortBy('at'),
  }),
  result: {} as Page<AuditRow>,
};

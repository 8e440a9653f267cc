import { createHash } from 'node:crypto';
import type { ImportRow, InvitableRole, OrgUnit, Sector } from '@lxq/types';
import { storedInvitations } from '../../shared/data/invitations';
import { listSectors } from '../../shared/data/sectors';
import { usersByPhones } from '../../shared/data/users';
import { invalid } from '../../shared/errors';
import { asFound } from '../../shared/rewind';
import { NotAWorkbook, readFirstSheet } from '../../shared/xlsxRead';

export const TEMPLATE_HEADER = ['姓名', '身份', '手机号', '界别'];
export const MAX_IMPORT_ROWS = 500;
const ROLE_BY_LABEL: Record<string, InvitableRole> = { 委员: 'member', 工作人员: 'staff' };

export interface Planned extends ImportRow {
  /** The invitation's id: the same person and role in the same unit always get the same one. */
  invitationId: string;
  /** The code of the invitation this very request already stored for the row (its retry). */
  storedCode?: string;
  roleKey: InvitableRole | null;
  sectorId: string | null;
}

/**
 * Reads an import file and judges every row: what is wrong with it (in Chinese), whether an
 * earlier row or an earlier import already has the person, or that an invitation will be made.
 * Nothing is written; the commit writes exactly the rows judged 'ok' here.
 */
export async function planImport(unit: OrgUnit, file: string): Promise<Planned[]> {
  const sheet = readSheet(file);
  const header = (sheet[0] ?? []).map((h) => h.trim());
  if (TEMPLATE_HEADER.some((h, i) => header[i] !== h)) {
    throw invalid({ file: `表头应为：${TEMPLATE_HEADER.join('、')}（请使用本页下载的模板）` });
  }
  const body = sheet.slice(1);
  if (!body.some((r) => r.some((v) => v.trim()))) throw invalid({ file: '文件中没有填写任何人员' });
  if (body.length > MAX_IMPORT_ROWS) throw invalid({ file: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件` });

  const sectors = await listSectors(unit._id);
  const rows = body.map((cells, i) => judge(cells, i + 2, unit, sectors)).filter((r): r is Planned => r !== null);
  markRepeats(rows);
  const candidates = rows.filter((r) => r.status === 'ok');
  const [stored, people] = await Promise.all([
    storedInvitations(candidates.map((r) => r.invitationId)),
    usersByPhones(
      unit._id,
      candidates.map((r) => r.phone),
    ),
  ]);
  const byPhone = new Map(people.map((p) => [p.phone, p]));
  for (const r of candidates) {
    const person = byPhone.get(r.phone);
    const invitation = stored.get(r.invitationId);
    // Stored by this request before it died: the row is judged as that first call judged it.
    if (invitation && !asFound(invitation).found) {
      r.storedCode = invitation.code;
    } else if (invitation) {
      Object.assign(r, { status: 'exists', message: '此前已导入并发出邀请，不再重复创建' });
    } else if (person && r.roleKey && person.roles.includes(r.roleKey)) {
      Object.assign(r, { status: 'exists', message: `该手机号已是「${person.name}」的账号，无需邀请` });
    }
  }
  return rows;
}

function readSheet(file: string): string[][] {
  const base64 = file.replace(/^data:[^,]*,/, '');
  try {
    return readFirstSheet(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch (err) {
    if (err instanceof NotAWorkbook) throw invalid({ file: '无法读取该文件，请上传由模板填写的 .xlsx 文件' });
    throw err;
  }
}

function judge(cells: string[], row: number, unit: OrgUnit, sectors: Sector[]): Planned | null {
  const [name, roleLabel, phone, sectorName] = [0, 1, 2, 3].map((i) => (cells[i] ?? '').trim());
  if (!name && !roleLabel && !phone && !sectorName) return null;
  const roleKey = ROLE_BY_LABEL[roleLabel] ?? null;
  const sector = sectors.find((s) => s.name === sectorName) ?? null;
  const problems: string[] = [];
  if (!name) problems.push('请填写姓名');
  else if (name.length < 2 || name.length > 20) problems.push('姓名应为 2 至 20 个字');
  if (!roleKey) problems.push('身份应填写「委员」或「工作人员」');
  if (!phone) problems.push('请填写手机号');
  else if (!/^1[3-9]\d{9}$/.test(phone)) problems.push('手机号应为 11 位数字');
  if (roleKey === 'member') {
    if (!sectorName) problems.push('委员请填写界别');
    else if (!sector) problems.push(`本单位没有「${sectorName}」界别`);
  }
  return {
    row,
    name,
    role: roleLabel,
    phone,
    sectorName,
    status: problems.length ? 'error' : 'ok',
    message: problems.length ? problems.join('；') : '将发出邀请',
    invitationId: createHash('sha1').update(`import|${unit._id}|${roleKey}|${phone}`).digest('hex').slice(0, 24),
    roleKey,
    sectorId: roleKey === 'member' ? (sector?._id ?? null) : null,
  };
}

/** The same person twice in one file: the first row counts, the later ones say which row they repeat. */
function markRepeats(rows: Planned[]) {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (r.status !== 'ok') continue;
    const seen = first.get(r.phone);
    if (seen) Object.assign(r, { status: 'duplicate', message: `与第 ${seen} 行是同一手机号，只导入一次` });
    else first.set(r.phone, r.row);
  }
}

/** What the client is shown of a planned row. */
export const rowView = ({ row, name, role, phone, sectorName, status, message, code }: Planned): ImportRow => ({
  row,
  name,
  role,
  phone,
  sectorName,
  status,
  message,
  ...(code ? { code } : {}),
});

/**
 * Who a notice reaches: everyone in the sender's unit subtree matching any target. Each target is
 * its own indexed query on users (paged 1000 at a time), so every target's own count is known and
 * a target that reaches nobody can be named in the refusal.
 */
import type { NoticeTargets, ResolvedTarget, User } from '@lxq/types';
import { ROLE_LABELS } from '@lxq/types';
import { _ } from '../../../shared/cloud';
import { listCommitteesOfUnits } from '../../../shared/data/committees';
import { getSectorsByIds, listSectors } from '../../../shared/data/sectors';
import { listSubtree } from '../../../shared/data/units';
import { listUsersInSubtree } from '../../../shared/data/users';
import { pageWorkstations } from '../../../shared/data/workstations';
import { invalid } from '../../../shared/errors';

const PAGE = 1000;
/** A province's members and more; beyond this a notice should go through the lower levels' offices. */
export const MAX_RECIPIENTS = 100_000;
const byName = new Intl.Collator('zh-CN');

export interface Resolved {
  users: User[];
  targets: ResolvedTarget[];
  sectorNames: Map<string, string>;
}

export async function resolveRecipients(scopeUnitId: string, t: NoticeTargets): Promise<Resolved> {
  const names = await targetNames(scopeUnitId, t);
  const plan: { target: Omit<ResolvedTarget, 'count'>; wheres: object[] }[] = [
    ...t.sectorIds.map((id) => ({
      target: { kind: 'sector' as const, id, name: names.get(id) ?? '' },
      wheres: [{ sectorId: id }],
    })),
    ...t.committeeIds.map((id) => ({
      target: { kind: 'committee' as const, id, name: names.get(id) ?? '' },
      wheres: committeeWheres(names.committees.get(id)),
    })),
    ...t.workstationIds.map((id) => ({
      target: { kind: 'workstation' as const, id, name: names.get(id) ?? '' },
      wheres: [{ workstationIds: id }],
    })),
    ...t.roles.map((role) => ({
      target: { kind: 'role' as const, id: role, name: `全部${ROLE_LABELS[role]}` },
      wheres: [{ roles: role }],
    })),
    ...(t.userIds.length
      ? [{ target: { kind: 'user' as const, id: 'users', name: '指定委员' }, wheres: [{ _id: _.in(t.userIds) }] }]
      : []),
  ];
  if (!plan.length) throw invalid({ targets: '请至少选择一个发送对象' });

  const byId = new Map<string, User>();
  const targets: ResolvedTarget[] = [];
  for (const { target, wheres } of plan) {
    const found = new Set<string>();
    for (const where of wheres) {
      for (const u of await listAll(scopeUnitId, where)) {
        byId.set(u._id, u);
        found.add(u._id);
      }
    }
    targets.push({ ...target, name: target.name || '（不在您的管辖范围内）', count: found.size });
    if (byId.size > MAX_RECIPIENTS) throw invalid({ targets: `一次最多发送给 ${MAX_RECIPIENTS} 人，请缩小范围` });
  }
  const users = [...byId.values()].sort((a, b) => byName.compare(a.name, b.name));
  const sectorNames = new Map(
    [...(await getSectorsByIds(users.map((u) => u.sectorId ?? '')))].map(([id, s]) => [id, s.name]),
  );
  return { users, targets, sectorNames };
}

/** Refuses a target that reaches nobody, naming it, and a notice that reaches nobody at all. */
export function refuseEmpty(r: Resolved) {
  const empty = r.targets.filter((t) => t.count === 0);
  if (empty.length) {
    throw invalid({
      targets: `${empty.map((t) => `「${t.name}」`).join('、')}在您的管辖范围内没有可通知的人，请移除后再发送`,
    });
  }
  if (!r.users.length) throw invalid({ targets: '所选对象没有可通知的人' });
}

async function listAll(unitId: string, where: object): Promise<User[]> {
  const out: User[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await listUsersInSubtree(unitId, where, skip, PAGE);
    out.push(...page);
    if (page.length < PAGE || out.length > MAX_RECIPIENTS) return out;
  }
}

/** A special committee reaches the members of the sectors it liaises with and of the stations it guides. */
function committeeWheres(c: { sectorIds: string[]; workstationIds: string[] } | undefined): object[] {
  if (!c) return [];
  return [
    ...(c.sectorIds.length ? [{ sectorId: _.in(c.sectorIds) }] : []),
    ...(c.workstationIds.length ? [{ workstationIds: _.in(c.workstationIds) }] : []),
  ];
}

/** Names of the chosen sectors, committees and stations that lie inside the scope. */
async function targetNames(scopeUnitId: string, t: NoticeTargets) {
  const units = await listSubtree(scopeUnitId);
  const unitIds = units.map((u) => u._id);
  const [sectors, committees, stations] = await Promise.all([
    t.sectorIds.length ? Promise.all(unitIds.map(listSectors)).then((x) => x.flat()) : [],
    t.committeeIds.length ? listCommitteesOfUnits(unitIds) : [],
    t.workstationIds.length ? pageWorkstations(scopeUnitId, 1, 1000).then((p) => p.items) : [],
  ]);
  const map = new Map<string, string>();
  for (const s of sectors) map.set(s._id, s.name);
  for (const c of committees) map.set(c._id, c.name);
  for (const w of stations) map.set(w._id, w.name);
  return Object.assign(map, { committees: new Map(committees.map((c) => [c._id, c])) });
}

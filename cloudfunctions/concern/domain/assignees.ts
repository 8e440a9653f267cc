import { ASSIGNEE_KIND_LABELS, type AssigneeKind, type AssigneeOption, type Concern } from '@lxq/types';
import { listCommitteesOfUnits } from '../../shared/data/committees';
import { openCasesByMember } from '../../shared/data/concerns';
import { getSectorsByIds } from '../../shared/data/sectors';
import { onDutyOn } from '../../shared/data/shifts';
import { inChina } from '../../shared/time';
import { getUsersByIds, pageMembersInUnit } from '../../shared/data/users';
import { getWorkstation, pageWorkstations } from '../../shared/data/workstations';
import { invalid } from '../../shared/errors';

/**
 * Who a concern may be handed to: members in the concern's unit subtree, the special committees
 * of its units, and its unit's workstations, all inside the staff member's scope.
 */
export async function findAssignee(c: Concern, target: { kind: AssigneeKind; id: string }, scopeUnitId: string) {
  const refuse = () => invalid({ 'target.id': `请选择本单位范围内的${ASSIGNEE_KIND_LABELS[target.kind]}` });
  if (target.kind === 'member') {
    const [user] = await getUsersByIds([target.id]);
    if (!user || !user.roles.includes('member') || !user.unitPath.includes(scopeUnitId)) throw refuse();
    return { name: user.name, label: `委员${user.name}`, openid: user.openid ?? null };
  }
  if (target.kind === 'committee') {
    const committee = (await listCommitteesOfUnits(c.unitPath)).find((x) => x._id === target.id);
    if (!committee) throw refuse();
    return { name: committee.name, label: committee.name, openid: null };
  }
  const station = await getWorkstation({ id: target.id }).catch(() => null);
  if (!station || !station.unitPath.includes(scopeUnitId)) throw refuse();
  return { name: station.name, label: station.name, openid: null };
}

export async function assigneeOptions(c: Concern, kind: AssigneeKind, now: Date): Promise<AssigneeOption[]> {
  if (kind === 'member') {
    // Enough to choose well: 界别 to group by, stations, who is on duty today, who is busy.
    const [{ items }, stations, onDuty, open] = await Promise.all([
      pageMembersInUnit(c.unitId, 1, 200),
      pageWorkstations(c.unitId, 1, 100),
      onDutyOn(c.unitId, inChina(now).format('YYYY-MM-DD')),
      openCasesByMember(c.unitId),
    ]);
    const sectors = await getSectorsByIds(items.map((u) => u.sectorId ?? ''));
    const stationName = new Map(stations.items.map((w) => [w._id, w.name]));
    return items.map((u) => ({
      kind,
      id: u._id,
      name: u.name,
      detail: u.title ?? '',
      group: (u.sectorId && sectors.get(u.sectorId)?.name) || '',
      stations: (u.workstationIds ?? []).map((id) => stationName.get(id) ?? '').filter(Boolean),
      onDutyAt: onDuty.get(u._id) ?? null,
      openCases: open.get(u._id) ?? 0,
    }));
  }
  if (kind === 'committee') {
    return (await listCommitteesOfUnits(c.unitPath)).map((x) => ({ kind, id: x._id, name: x.name, detail: '专委会' }));
  }
  const { items } = await pageWorkstations(c.unitId, 1, 50);
  return items.map((w) => ({ kind, id: w._id, name: w.name, detail: w.address }));
}

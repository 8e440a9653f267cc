/**
 * The database side of re-pathing a moved unit (admin.moveUnit): find records that still carry
 * the old parent on their path, rewrite a group of them whose path is the same, and keep the
 * move's progress on the unit. Every write is guarded by the old path, so a repeated or
 * concurrent run rewrites nothing twice and its count of rewritten records stays exact.
 */
import type { OrgUnit, UnitMove } from '@lxq/types';
import { _, db } from '../cloud';
import { changeMark } from '../rewind';

/**
 * Up to `limit` records of `collection` whose `field` holds the moved unit and its old parent:
 * those not rewritten yet (a rewritten path no longer holds the old parent, a unit of the level above).
 */
export async function pageStillUnder(
  collection: string,
  field: string,
  unitId: string,
  oldParentId: string,
  limit: number,
): Promise<{ _id: string; path: string[] }[]> {
  const { data } = await db
    .collection(collection)
    .where(_.and([{ [field]: unitId }, { [field]: oldParentId }]))
    .field({ _id: true, [field]: true })
    .limit(limit)
    .get();
  return (data as Record<string, unknown>[]).map((d) => ({ _id: d._id as string, path: pathAt(d, field) }));
}

/** A dotted field's value (users' staffUnitPath is top-level; kept general for nested ones). */
function pathAt(doc: Record<string, unknown>, field: string): string[] {
  let cur: unknown = doc;
  for (const part of field.split('.')) cur = (cur as Record<string, unknown> | null)?.[part];
  return Array.isArray(cur) ? (cur as string[]) : [];
}

/** Sets `path` on those of `ids` that still hold the old parent; answers how many it changed. */
export async function rewritePaths(
  collection: string,
  field: string,
  ids: string[],
  oldParentId: string,
  path: string[],
): Promise<number> {
  const { stats } = await db
    .collection(collection)
    .where(_.and([{ _id: _.in(ids) }, { [field]: oldParentId }]))
    .update({ data: { [field]: path } });
  return stats.updated as number;
}

const units = () => db.collection('org_units');

/** Adds to the move's count of rewritten records. */
export async function countRewritten(unitId: string, n: number): Promise<void> {
  if (!n) return;
  await units()
    .where({ _id: unitId, 'moving.startedAt': _.exists(true) })
    .update({ data: { 'moving.done': _.inc(n) } });
}

/** Moves from step `at` of pass `at.pass` to `to` (once, whichever run gets there first). */
export async function advanceStep(
  unitId: string,
  at: { step: number; pass: number },
  to: { step: number; pass: number },
): Promise<void> {
  await units()
    .where({ _id: unitId, 'moving.step': at.step, 'moving.pass': at.pass })
    .update({ data: { 'moving.step': to.step, 'moving.pass': to.pass } });
}

/** Ends the move that started at `startedAt`: answers whether this run ended it. */
export async function endMove(unitId: string, startedAt: Date): Promise<boolean> {
  const { stats } = await units()
    .where({ _id: unitId, 'moving.startedAt': startedAt })
    .update({ data: { moving: null } });
  return stats.updated === 1;
}

/** Records the move on the unit itself, with its new parent and path, unless a move is under way. */
export async function startMove(unit: OrgUnit, parentId: string, path: string[], move: UnitMove): Promise<boolean> {
  const set = { parentId, path, moving: move };
  // The request's mark rides along: its retry finds the unit as it first found it (rewind.ts).
  const { stats } = await units()
    .where({ _id: unit._id, 'moving.startedAt': _.exists(false) })
    .update({ data: { ...set, ...changeMark(unit, set) } });
  return stats.updated === 1;
}

/** Units whose move has not ended (the minute timer's work), oldest first. */
export async function unitsMoving(limit: number): Promise<{ _id: string; name: string; path: string[] }[]> {
  const { data } = await units()
    .where({ 'moving.startedAt': _.gt(new Date(0)) })
    .orderBy('moving.startedAt', 'asc')
    .field({ _id: true, name: true, path: true })
    .limit(limit)
    .get();
  return data as { _id: string; name: string; path: string[] }[];
}

/**
 * Re-pathing a moved unit's records (admin.moveUnit). The move is recorded on the unit (its new
 * parent and path, and `moving`); then, one step per collection path field, pages of records
 * still holding the old parent on their path are rewritten to the new one, within a run's time
 * budget; a run that ends with work left kicks the next (as the export job does), and the minute
 * timer takes up any move whose runs stopped (a crash, a lost kick). Each rewrite is guarded by
 * the old parent, so runs may repeat or overlap: nothing is rewritten twice and the count of
 * rewritten records stays exact. The last step clears `moving` and files an audit entry.
 */
import type { OrgUnit, UnitMove } from '@lxq/types';
import { COLLECTIONS } from '../../shared/collections';
import { insertAudit } from '../../shared/data/audit';
import {
  advanceStep,
  countRewritten,
  endMove,
  pageStillUnder,
  rewritePaths,
  unitsMoving,
} from '../../shared/data/repath';
import { getStoredUnit } from '../../shared/data/units';
import { isDuplicateKey } from '../../shared/errors';

/**
 * What carries a unit's path: the units below it (`path`), then every collection with an index
 * on a unit path field. A collection that stores `unitPath` declares such an index (it is how
 * staff read their subtree), so a new one is re-pathed without being listed here.
 */
/** The path fields scope reads: the record's unit, a staff member's unit, a report's current desk. */
const REPATHED_FIELDS = ['unitPath', 'staffUnitPath', 'atUnitPath'];

export const REPATH_STEPS: { collection: string; field: string }[] = [
  { collection: 'org_units', field: 'path' },
  ...COLLECTIONS.flatMap((c) =>
    [...new Set(c.indexes.map((i) => i.fields[0][0]))]
      .filter((f) => REPATHED_FIELDS.includes(f))
      .map((field) => ({ collection: c.name, field })),
  ),
];

/** Records read and rewritten at a time. */
export const REPATH_PAGE = 200;
/** Well inside the admin function's 20 s timeout (config.json). */
export const REPATH_RUN_MS = 12_000;

export type RepathResult = 'done' | 'more';

export function newMove(from: OrgUnit, to: OrgUnit, by: string, now: Date): UnitMove {
  return {
    fromParentPath: from.path.slice(0, -1),
    toParentPath: to.path,
    step: 0,
    steps: REPATH_STEPS.length,
    pass: 0,
    done: 0,
    startedAt: now,
    by,
  };
}

/** Moves the re-pathing of `unitId` on until it is done or `budgetMs` is spent. */
export async function runRepath(unitId: string, budgetMs: number): Promise<RepathResult> {
  const started = Date.now();
  const unit = await getStoredUnit(unitId);
  const move = unit.moving;
  if (!move) return 'done';
  const oldParentId = move.fromParentPath[move.fromParentPath.length - 1];
  let pass = move.pass ?? 0;
  for (let step = move.step; step < REPATH_STEPS.length || pass === 0;) {
    if (step === REPATH_STEPS.length) {
      // The second pass: what was made meanwhile from a source still on the old path.
      await advanceStep(unitId, { step, pass }, { step: 0, pass: 1 });
      [step, pass] = [0, 1];
    }
    if (Date.now() - started > budgetMs) return 'more';
    const { collection, field } = REPATH_STEPS[step];
    const page = await pageStillUnder(collection, field, unitId, oldParentId, REPATH_PAGE);
    const byPath = new Map<string, { path: string[]; ids: string[] }>();
    for (const r of page) {
      const at = r.path.indexOf(unitId);
      if (at < 0) continue;
      const path = [...move.toParentPath, ...r.path.slice(at)];
      const key = path.join('/');
      byPath.set(key, { path, ids: [...(byPath.get(key)?.ids ?? []), r._id] });
    }
    let rewritten = 0;
    for (const g of byPath.values()) rewritten += await rewritePaths(collection, field, g.ids, oldParentId, g.path);
    // A run dying between the rewrite and this leaves the count a page short: progress shown, not a total relied on.
    await countRewritten(unitId, rewritten);
    if (page.length < REPATH_PAGE) {
      await advanceStep(unitId, { step, pass }, { step: step + 1, pass });
      step += 1;
    }
  }
  await finish(unit, move);
  return 'done';
}

/**
 * Files the move's completion in the audit log, then clears the move: the entry's id is the
 * move's, so a run that dies between the two and the run that takes over write it once.
 */
async function finish(unit: OrgUnit, move: UnitMove) {
  try {
    await insertAudit({
      _id: `repath:${unit._id}:${new Date(move.startedAt).getTime()}`,
      actor: '',
      actorUserId: null,
      actorName: move.by,
      unitPath: unit.path,
      action: 'admin.moveUnit',
      target: `org_units/${unit._id}`,
      before: { status: '迁移中' },
      after: { status: '迁移完成' },
      at: new Date(),
      result: { ok: true, data: { _id: unit._id } },
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await endMove(unit._id, move.startedAt);
}

/** The minute timer and the kicks: every move not yet ended, each within what is left of the budget. */
export async function runMoves(): Promise<{ results: RepathResult[]; more: boolean }> {
  const started = Date.now();
  const results: RepathResult[] = [];
  for (const { _id } of await unitsMoving(5)) {
    const left = REPATH_RUN_MS - (Date.now() - started);
    if (left < 2_000) return { results, more: true };
    results.push(await runRepath(_id, left));
  }
  return { results, more: results.includes('more') };
}

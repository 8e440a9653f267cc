/** The query planner on its own: which index a filter and an order use, without SQLite. */
import { keyOf } from '../../emulator/db/keys';
import { type IndexPlan, orderPushable, plan, served } from '../../emulator/db/planner';

const byUnit = { name: 'unit_status', fields: ['unitId', 'status'] };
const byTime = { name: 'createdAt', fields: ['createdAt'] };
const indexes = [byUnit, byTime];

describe('query planner', () => {
  test('when the filter names _id, then the plan reads those documents directly', () => {
    expect(plan({ _id: { $in: ['a', 'b'] } }, indexes)).toEqual({ kind: 'id', ids: [keyOf('a'), keyOf('b')] });
  });

  test('when equalities cover an index prefix, then that index is used with their keys', () => {
    const pl = plan({ unitId: 'u1', status: { $in: ['open', 'done'] } }, indexes) as IndexPlan;
    expect(pl.kind).toBe('index');
    expect(pl.index).toBe(byUnit);
    expect(pl.eq).toEqual([[keyOf('u1')], [keyOf('open'), keyOf('done')]]);
    expect(pl.p).toBe(2);
  });

  test('when only a range is given, then the range bounds stay within its type', () => {
    const pl = plan({ createdAt: { $gte: 5 } }, indexes) as IndexPlan;
    expect(pl.index).toBe(byTime);
    expect(pl.lo).toEqual({ k: keyOf(5), incl: true });
    // numbers never match strings: the upper bound is the first string key, excluded
    expect(pl.hi).toEqual({ k: keyOf(''), incl: false });
  });

  test('when a field has no index, then the plan is a scan and strict mode refuses it', () => {
    expect(plan({ title: 'x' }, indexes)).toEqual({ kind: 'scan' });
    expect(served({ title: 'x' }, indexes, undefined, false)).toBe(false);
  });

  test('when every $or branch is served, then the plan is the union of their plans', () => {
    const pl = plan({ $or: [{ unitId: 'u1' }, { createdAt: { $lt: 3 } }] }, indexes);
    expect(pl.kind).toBe('or');
    expect(plan({ $or: [{ unitId: 'u1' }, { title: 'x' }] }, indexes).kind).toBe('scan');
  });

  test('when the order follows the equality prefix, then the index yields it', () => {
    const pl = plan({ unitId: 'u1' }, indexes, [['status', 1]]) as IndexPlan;
    expect(orderPushable(pl, [['status', 1]])).toBe(true);
    expect(orderPushable(pl, [['createdAt', 1]])).toBe(false);
    expect(
      orderPushable(pl, [
        ['status', -1],
        ['_id', 1],
      ]),
    ).toBe(true);
  });

  test('when the filter is empty, then a count is served and a listing only in an indexed order', () => {
    expect(served({}, indexes, undefined, true)).toBe(true);
    expect(served({}, indexes, undefined, false)).toBe(false);
    expect(served({}, indexes, [['createdAt', -1]], false)).toBe(true);
  });

  test('when a sort is asked, then it is served only in the order of an index the filter uses', () => {
    expect(served({ unitId: 'u1' }, indexes, [['status', 1]], false)).toBe(true);
    expect(served({ unitId: { $in: ['u1', 'u2'] } }, indexes, [['status', 1]], false)).toBe(true);
    expect(served({ unitId: 'u1' }, indexes, [['createdAt', -1]], false)).toBe(false);
    expect(served({ unitId: 'u1', createdAt: { $gt: 1 } }, indexes, [['createdAt', -1]], false)).toBe(true);
    expect(served({ _id: 'a' }, indexes, [['title', 1]], false)).toBe(true);
    // a field fixed by an equality sorts nothing
    expect(
      served(
        { unitId: 'u1' },
        indexes,
        [
          ['unitId', 1],
          ['status', -1],
        ],
        false,
      ),
    ).toBe(true);
  });
});

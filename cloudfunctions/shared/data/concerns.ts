import type { Concern, ConcernStatus } from '@lxq/types';
import { $, db } from '../cloud';
import { pageOf } from './page';

const concerns = () => db.collection('concerns');

export async function insertConcern(c: Concern): Promise<void> {
  const { _id, ...rest } = c;
  await concerns().add({ data: { _id, ...rest } });
}

export async function pageBySubmitter(openid: string, page: number, pageSize: number) {
  return pageOf<Concern>(concerns().where({ submitterOpenid: openid }), ['createdAt', 'desc'], page, pageSize);
}

export async function pageInUnit(unitId: string, status: ConcernStatus | undefined, page: number, pageSize: number) {
  const { data } = await concerns()
    .where({ unitPath: unitId, ...(status ? { status } : {}) })
    .orderBy('createdAt', 'desc')
    .skip((page - 1) * pageSize)
    .limit(pageSize)
    .get();
  return data as Concern[];
}

/** How many concerns of each status the unit's subtree holds, in one aggregate. */
export async function countByStatus(unitId: string): Promise<Partial<Record<ConcernStatus, number>>> {
  const { list } = await concerns()
    .aggregate()
    .match({ unitPath: unitId })
    .group({ _id: '$status', n: $.sum(1) })
    .limit(20)
    .end();
  return Object.fromEntries((list as { _id: ConcernStatus; n: number }[]).map((r) => [r._id, r.n]));
}

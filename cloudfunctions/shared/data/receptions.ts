import type { Reception } from '@lxq/types';
import { db } from '../cloud';
import { pageOf } from './page';

const receptions = () => db.collection('receptions');

export async function insertReception(r: Reception): Promise<void> {
  const { _id, ...rest } = r;
  await receptions().add({ data: { _id, ...rest } });
}

export async function pageShiftReceptions(shiftId: string, page: number, size: number) {
  return pageOf<Reception>(receptions().where({ shiftId }), ['createdAt', 'desc'], page, size);
}

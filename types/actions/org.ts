import { z } from '../zod';
import type { OrgUnit, Sector, Workstation } from '../domain/org';
import type { Page } from '../contract';
import { id, pageInput } from './fields';

export type WorkstationSummary = Pick<
  Workstation,
  '_id' | 'name' | 'kind' | 'address' | 'location' | 'openingHours' | 'unitId'
> & { distance?: number };

export const orgListWorkstations = {
  input: z.object({ ...pageInput, unitId: id('单位').optional() }),
  result: {} as Page<WorkstationSummary>,
};

export const orgGetWorkstation = {
  input: z
    .object({ id: id('工作站').optional(), scene: z.string().max(32, '二维码无效').optional() })
    .refine((v) => v.id || v.scene, { message: '请选择工作站', path: ['id'] }),
  result: {} as WorkstationSummary & { unitName: string; headName: string; scene: string },
};

export const orgListSectors = {
  input: z.object({ unitId: id('单位') }),
  result: {} as { items: Pick<Sector, '_id' | 'name'>[] },
};

export const orgListUnits = {
  input: z.object({}),
  result: {} as { items: Pick<OrgUnit, '_id' | 'name' | 'level' | 'parentId'>[] },
};

import { z } from '../zod';
import { WORKSTATION_KINDS, type OrgUnit, type Sector, type Workstation } from '../domain/org';
import type { Page } from '../contract';
import { geoPoint, id, pageInput, text } from './fields';

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
    .object({ workstationId: id('工作站').optional(), scene: z.string().max(32, '二维码无效').optional() })
    .refine((v) => v.workstationId || v.scene, { message: '请选择工作站', path: ['workstationId'] }),
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

/* Workstation management (issue 5): staff create and edit stations in their scope. */

const workstationFields = {
  name: text('名称', 2, 40),
  kind: z.enum(WORKSTATION_KINDS, { error: '请选择类型' }),
  address: text('地址', 4, 100),
  location: geoPoint,
  radius: z
    .number({ error: '请填写签到半径' })
    .int('签到半径应为整数米')
    .min(50, '签到半径至少 50 米')
    .max(2000, '签到半径最多 2000 米')
    .default(200),
  openingHours: text('开放时间', 2, 60),
  headName: text('负责人', 2, 20),
  memberIds: z.array(id('委员'), { error: '委员无效' }).max(50, '最多指派 50 名委员').default([]),
};

export const orgCreateWorkstation = {
  input: z.object({ unitId: id('单位'), ...workstationFields }),
  result: {} as { _id: string; scene: string },
};

export const orgUpdateWorkstation = {
  input: z.object({ workstationId: id('工作站'), ...workstationFields }),
  result: {} as { _id: string },
};

export interface WorkstationDetail extends WorkstationSummary {
  radius: number;
  headName: string;
  scene: string;
  unitName: string;
  members: { _id: string; name: string }[];
}

export const orgWorkstationDetail = {
  input: z.object({ workstationId: id('工作站') }),
  result: {} as WorkstationDetail,
};

export const orgWorkstationQr = {
  input: z.object({ workstationId: id('工作站') }),
  /** A PNG data URL of the mini-program code that opens the station page. */
  result: {} as { png: string; scene: string; name: string },
};

export const orgNearWorkstations = {
  input: z.object({ ...pageInput, location: geoPoint }),
  result: {} as Page<WorkstationSummary & { distance: number }>,
};

export const orgUnitMembers = {
  input: z.object({ ...pageInput, unitId: id('单位') }),
  result: {} as Page<{ _id: string; name: string; sectorName: string }>,
};

import { getShift } from '../../shared/data/shifts';
import { getWorkstation } from '../../shared/data/workstations';

/** unitOf helpers: the unit a shift or station belongs to, for the router's scope check. */
export const stationUnit = async (input: { workstationId: string }) =>
  (await getWorkstation({ id: input.workstationId })).unitPath;

export const shiftUnit = async (input: { shiftId: string }) => (await getShift(input.shiftId)).unitPath;

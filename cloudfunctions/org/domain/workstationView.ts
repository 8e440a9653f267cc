import type { Workstation, WorkstationSummary } from '@lxq/types';

/** What the public may see of a workstation. */
export function toSummary(w: Workstation): WorkstationSummary {
  return {
    _id: w._id,
    name: w.name,
    kind: w.kind,
    address: w.address,
    location: w.location,
    openingHours: w.openingHours,
    unitId: w.unitId,
  };
}

import { getWorkstation } from '../../shared/data/workstations';
import { target } from '../../shared/target';

/** A station staff manage: loaded once, for the scope check and the handler. */
export const managedStation = target({
  load: ({ workstationId }: { workstationId: string }) => getWorkstation({ id: workstationId }),
  may: { staffInScope: (w) => w.unitPath },
});

import { toDataURL } from 'qrcode';
import { defineAction } from '../../shared/action';
import { getWorkstation } from '../../shared/data/workstations';
import { iso } from '../../shared/time';
import { stationUnit } from '../domain/scope';
import { currentCode, qrText } from '../domain/stationCode';

/** The station tablet's current sign-in code and its QR image; the page asks again every 30 s. */
export default defineAction({
  name: 'duty.stationCode',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: stationUnit,
  async handler({ workstationId }, ctx) {
    const station = await getWorkstation({ id: workstationId });
    const { code, expiresAt } = currentCode(station._id, ctx.now);
    const text = qrText(station._id, code);
    const qr = await toDataURL(text, { margin: 1, width: 360, errorCorrectionLevel: 'M' });
    return { code, qr, text, expiresAt: iso(expiresAt), workstationName: station.name };
  },
});

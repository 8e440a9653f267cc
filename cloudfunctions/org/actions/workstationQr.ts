import { defineAction } from '../../shared/action';
import { miniProgramCode } from '../../shared/cloud';
import { managedStation } from '../domain/targets';

/** The station's mini-program code (opens pages/workstation/index with its scene), as a PNG. */
export default defineAction({
  name: 'org.workstationQr',
  roles: ['staff', 'admin'],
  mutates: false,
  target: managedStation,
  async handler(_input, _ctx, { doc: w }) {
    const png = await miniProgramCode('pages/workstation/index', w.scene);
    return { png: `data:image/png;base64,${png.toString('base64')}`, scene: w.scene, name: w.name };
  },
});

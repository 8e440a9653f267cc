import { defineAction } from '../../shared/action';
import { listSectors } from '../../shared/data/sectors';

export default defineAction({
  name: 'org.listSectors',
  roles: ['citizen'],
  mutates: false,
  async handler({ unitId }) {
    const sectors = await listSectors(unitId);
    return { items: sectors.map((s) => ({ _id: s._id, name: s.name })) };
  },
});

import { defineAction } from '../../shared/action';
import { pageWorkstations } from '../../shared/data/workstations';
import { toSummary } from '../domain/workstationView';

export default defineAction({
  name: 'org.listWorkstations',
  roles: ['citizen'],
  mutates: false,
  async handler({ unitId, page, pageSize, q, sort }) {
    const { items, total } = await pageWorkstations(unitId, page, pageSize, { q, sort });
    return { items: items.map(toSummary), total, page, pageSize };
  },
});

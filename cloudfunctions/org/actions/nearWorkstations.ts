import { defineAction } from '../../shared/action';
import { workstationsInLatBand } from '../../shared/data/workstations';
import { distanceMetres, latSpan } from '../../shared/geo';
import { toSummary } from '../domain/workstationView';

/** How far to look: a county's stations lie well within 80 km of anyone in it. */
const SEARCH_METRES = 80_000;

/** Stations near the phone, nearest first; the distance is computed here, not on the phone. */
export default defineAction({
  name: 'org.nearWorkstations',
  roles: ['citizen'],
  mutates: false,
  async handler({ location, page, pageSize }) {
    const span = latSpan(SEARCH_METRES);
    const band = await workstationsInLatBand(location.lat - span, location.lat + span);
    const near = band
      .map((w) => ({ ...toSummary(w), distance: Math.round(distanceMetres(location, w.location)) }))
      .filter((w) => w.distance <= SEARCH_METRES)
      .sort((a, b) => a.distance - b.distance);
    return { items: near.slice((page - 1) * pageSize, page * pageSize), total: near.length, page, pageSize };
  },
});

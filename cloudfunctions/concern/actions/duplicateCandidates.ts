import type { Concern, DuplicateCandidate } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { recentInCategory, recentInUnit } from '../../shared/data/concerns';
import { distanceMetres, distanceText } from '../../shared/geo';
import { addDays, iso } from '../../shared/time';
import { staffConcern } from '../domain/load';

const NEAR_METRES = 500;
const SIMILAR = 0.3;

/** Earlier concerns that look like the same matter: same category within 500 m, or similar text, in 30 days. */
export default defineAction({
  name: 'concern.duplicateCandidates',
  roles: ['staff', 'admin'],
  mutates: false,
  target: staffConcern,
  async handler(_input, ctx, { doc: c }) {
    const since = addDays(c.createdAt, -30);
    const [sameCategory, recent] = await Promise.all([
      recentInCategory(c.unitPath[c.unitPath.length - 1], c.category, since, 200),
      recentInUnit(c.unitPath[c.unitPath.length - 1], since, 300),
    ]);
    const items = new Map<string, DuplicateCandidate>();
    const add = (o: Concern, why: string) => {
      if (o._id === c._id || o.status === 'duplicate' || items.has(o._id)) return;
      items.set(o._id, {
        _id: o._id,
        title: o.title,
        category: o.category,
        status: o.status,
        createdAt: iso(o.createdAt),
        why,
      });
    };
    for (const o of sameCategory) {
      if (c.location && o.location) {
        const d = distanceMetres(c.location, o.location);
        if (d <= NEAR_METRES) add(o, `同类别，相距 ${distanceText(d)}`);
      }
    }
    const mine = bigrams(`${c.title}${c.text}`);
    for (const o of recent) {
      if (similarity(mine, bigrams(`${o.title}${o.text}`)) >= SIMILAR) add(o, '内容相似');
    }
    return { items: [...items.values()].slice(0, 20) };
  },
});

/** Character pairs: a language-free likeness for short Chinese texts. */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / Math.min(a.size, b.size);
}

import { createHash } from 'node:crypto';
import type { GeoPoint } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { allowed } from '../../shared/concerns/stateMachine';
import { recentInUnit } from '../../shared/data/concerns';
import { dismissedClusters } from '../../shared/data/topics';
import { workstationsByIds } from '../../shared/data/workstations';
import { iso } from '../../shared/time';
import { findClusters, type ClusterConcern } from '../domain/clusters';

/** The most concerns one look reads: the latest of the period. */
const SCAN = 1000;

export const clusterKey = (ids: string[]) =>
  createHash('sha1')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 20);

/**
 * 一类事: the subtree's concerns of the period that no topic holds yet, clustered (same category,
 * near stations, within the window, similar words); staff raise a topic from a suggestion or
 * dismiss it. A concern under review, or not in hand (待受理, 不予受理, 已合并, 已撤回), is left out.
 */
export default defineAction({
  name: 'topic.clusters',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ days }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const since = new Date(ctx.now.getTime() - days * 86_400_000);
    const [recent, dismissed] = await Promise.all([recentInUnit(unitId, since, SCAN), dismissedClusters(unitId)]);
    const open = recent.filter(
      (c) => allowed(c.status, 'link') && !c.needsReview && !(c.links ?? []).some((l) => l.kind === 'topic'),
    );
    const places = await workstationsByIds(open.map((c) => c.workstationId).filter((w): w is string => !!w));
    const stations = new Map<string, GeoPoint>([...places].map(([id, w]) => [id, w.location]));
    const input: ClusterConcern[] = open.map((c) => ({ ...c, createdAt: new Date(c.createdAt) }));
    const suggestions = findClusters(input, stations, {
      similarity: 0.2,
      nearMetres: 50_000,
      windowDays: days,
      minSize: 3,
    })
      .map((cl) => {
        const byTime = [...cl.concerns].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
        return {
          key: clusterKey(cl.concerns.map((c) => c._id)),
          category: cl.category,
          concerns: byTime.map((c) => ({
            _id: c._id,
            title: c.title,
            workstationName: c.workstationName ?? '',
            createdAt: iso(c.createdAt),
          })),
          stations: [...new Set(byTime.map((c) => c.workstationName).filter((n): n is string => !!n))],
          people: new Set(byTime.map((c) => c.submitterOpenid)).size,
          from: iso(byTime[0].createdAt),
          to: iso(byTime[byTime.length - 1].createdAt),
        };
      })
      .filter((s) => !dismissed.has(s.key));
    return { suggestions, scanned: recent.length };
  },
});

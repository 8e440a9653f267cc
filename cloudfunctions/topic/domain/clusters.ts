/**
 * "一类事": concerns from several people (often at several stations) that describe the same
 * problem, proposed to staff as one consultation topic. Two concerns belong together when they
 * share the category, their stations are near each other, they came within the window, and their
 * words overlap (cosine similarity of character-pair counts, the title counted twice, minus the
 * pairs every complaint uses: the word a problem is named by recurs, so it weighs most). A
 * cluster is grown from pairs (single link) but each member must also resemble the cluster's first
 * concern, so a chain of loosely similar texts does not merge unrelated problems.
 */
import type { GeoPoint } from '@lxq/types';
import { distanceMetres } from '../../shared/geo';

export interface ClusterConcern {
  _id: string;
  title: string;
  text: string;
  category: string;
  workstationId: string | null;
  workstationName: string | null;
  submitterOpenid: string;
  createdAt: Date;
}

export interface ClusterRules {
  /** Least similarity of two concerns' words (0–1). */
  similarity: number;
  /** Farthest apart two stations may be (metres); concerns without a station only join by words. */
  nearMetres: number;
  /** Longest time between two concerns (days). */
  windowDays: number;
  /** Fewest concerns a suggestion needs. */
  minSize: number;
}

export const DEFAULT_RULES: ClusterRules = { similarity: 0.2, nearMetres: 50_000, windowDays: 90, minSize: 3 };

// Pairs nearly every concern has: they say nothing about which problem it is.
const COMMON = new Set([
  '希望',
  '问题',
  '解决',
  '反映',
  '群众',
  '我们',
  '一个',
  '没有',
  '很多',
  '非常',
  '情况',
  '尽快',
  '能够',
  '相关',
  '部门',
  '现在',
  '已经',
  '时候',
  '不能',
  '严重',
  '影响',
  '出行',
  '生活',
  '方便',
  '居民',
  '小区',
]);

/** The character pairs of a text and how often each occurs (Chinese has no spaces: pairs stand in for words). */
export function pairs(s: string): Map<string, number> {
  const clean = s.replace(/[\s\p{P}\p{S}\d]/gu, '');
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < clean.length; i++) {
    const p = clean.slice(i, i + 2);
    if (!COMMON.has(p)) out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [p, n] of a) dot += n * (b.get(p) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(a) * norm(b);
  return d ? dot / d : 0;
}

export interface Cluster {
  category: string;
  concerns: ClusterConcern[];
}

export function findClusters(
  concerns: ClusterConcern[],
  stations: Map<string, GeoPoint>,
  rules: ClusterRules = DEFAULT_RULES,
): Cluster[] {
  const words = new Map(concerns.map((c) => [c._id, pairs(`${c.title}${c.title}${c.text}`)]));
  const near = (a: ClusterConcern, b: ClusterConcern) => {
    if (!a.workstationId || !b.workstationId || a.workstationId === b.workstationId) return true;
    const pa = stations.get(a.workstationId);
    const pb = stations.get(b.workstationId);
    return !pa || !pb || distanceMetres(pa, pb) <= rules.nearMetres;
  };
  const alike = (a: ClusterConcern, b: ClusterConcern) =>
    a.category === b.category &&
    Math.abs(a.createdAt.getTime() - b.createdAt.getTime()) <= rules.windowDays * 86_400_000 &&
    near(a, b) &&
    similarity(words.get(a._id)!, words.get(b._id)!) >= rules.similarity;

  const sorted = [...concerns].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const taken = new Set<string>();
  const out: Cluster[] = [];
  for (const seed of sorted) {
    if (taken.has(seed._id)) continue;
    const group = [seed];
    const queue = [seed];
    const inGroup = new Set([seed._id]);
    while (queue.length) {
      const cur = queue.shift()!;
      for (const c of sorted) {
        if (inGroup.has(c._id) || taken.has(c._id)) continue;
        // Linked to one member, and still like the first one: no drifting chains.
        if (alike(cur, c) && similarity(words.get(seed._id)!, words.get(c._id)!) >= rules.similarity / 2) {
          inGroup.add(c._id);
          group.push(c);
          queue.push(c);
        }
      }
    }
    if (group.length >= rules.minSize) {
      for (const c of group) taken.add(c._id);
      out.push({ category: seed.category, concerns: group });
    }
  }
  return out.sort((a, b) => b.concerns.length - a.concerns.length);
}

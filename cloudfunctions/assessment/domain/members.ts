import type { Committee, Figures, MemberAssessment, OrgUnit, User, Weights } from '@lxq/types';
import { listCommitteesOfUnits } from '../../shared/data/committees';
import { getSectorsByIds } from '../../shared/data/sectors';
import { listUsersInSubtree } from '../../shared/data/users';
import { MEMBER_INDICATORS, SOURCES } from '../indicators';
import type { SourceQuery } from '../indicators/types';
import type { AskedPeriod } from './period';
import { ranks, scoreOf } from './score';

/**
 * The most members a live list weighs (a city has a few hundred to a few thousand); a freeze
 * counts any number, run by run (freezeRun.ts), and the list says when a subtree has more.
 */
export const MAX_MEMBERS = 10000;
/** Members the sources are asked about at once: one `_.in` of ids per aggregate stays small. */
const SOURCE_CHUNK = 1000;

/** The first MAX_MEMBERS members of the subtree by name, and whether there are more. */
export async function membersOf(unitId: string): Promise<{ users: User[]; capped: boolean }> {
  const out: User[] = [];
  for (let skip = 0; skip < MAX_MEMBERS; skip += 1000) {
    const chunk = await listUsersInSubtree(unitId, { roles: 'member' }, skip, 1000);
    out.push(...chunk);
    if (chunk.length < 1000) return { users: out, capped: false };
  }
  const more = await listUsersInSubtree(unitId, { roles: 'member' }, MAX_MEMBERS, 1);
  return { users: out, capped: more.length > 0 };
}

export interface Counted {
  users: User[];
  figures: Map<string, Figures>;
  shortfalls: Map<string, string[]>;
}

/**
 * These members (by default the subtree's, up to MAX_MEMBERS) with every registered indicator: each source one
 * aggregate per chunk of members, the sources in parallel.
 */
export async function countMembers(unit: OrgUnit, period: AskedPeriod, now: Date, given?: User[]): Promise<Counted> {
  const users = given ?? (await membersOf(unit._id)).users;
  const figures = new Map<string, Figures>();
  const shortfalls = new Map<string, string[]>();
  for (let i = 0; i < users.length; i += SOURCE_CHUNK) {
    const chunk = users.slice(i, i + SOURCE_CHUNK);
    const q: SourceQuery = {
      unitId: unit._id,
      unitPath: unit.path,
      ...period,
      now,
      memberIds: chunk.map((u) => u._id),
    };
    const answers = await Promise.all(SOURCES.filter((s) => s.member).map((s) => s.member!.perMember(q)));
    for (const u of chunk) {
      const f: Figures = Object.fromEntries(MEMBER_INDICATORS.map((ind) => [ind.key, 0]));
      const short: string[] = [];
      for (const a of answers) {
        const got = a.get(u._id);
        if (!got) continue;
        Object.assign(f, got.figures);
        short.push(...(got.shortfalls ?? []));
      }
      figures.set(u._id, f);
      shortfalls.set(u._id, short);
    }
  }
  return { users, figures, shortfalls };
}

/** Scores and sector ranks under the weights; sector names looked up once. */
export async function scoreMembers(counted: Counted, weights: Weights): Promise<MemberAssessment[]> {
  const sectors = await getSectorsByIds(counted.users.map((u) => u.sectorId ?? ''));
  const lines: MemberAssessment[] = counted.users.map((u) => {
    const figures = counted.figures.get(u._id)!;
    const { score, rule } = scoreOf(figures, weights, MEMBER_INDICATORS);
    return {
      userId: u._id,
      name: u.name,
      sectorId: u.sectorId ?? null,
      sectorName: (u.sectorId && sectors.get(u.sectorId)?.name) || '未分界别',
      committeeNames: [],
      figures,
      score,
      rule,
      sectorRank: 0,
      sectorSize: 0,
      shortfalls: counted.shortfalls.get(u._id) ?? [],
    };
  });
  const bySector = new Map<string, MemberAssessment[]>();
  for (const l of lines) bySector.set(l.sectorName, [...(bySector.get(l.sectorName) ?? []), l]);
  for (const group of bySector.values()) {
    const r = ranks(group);
    for (const l of group) Object.assign(l, { sectorRank: r.get(l)!, sectorSize: group.length });
  }
  return lines;
}

/**
 * A member's committees: those they are named in, else those that take their sector (the demo's
 * committees are declared by sector).
 */
export async function withCommittees(unitPath: string[], lines: MemberAssessment[], users: Map<string, User>) {
  const committees: Committee[] = await listCommitteesOfUnits(unitPath);
  for (const l of lines) {
    const named = users.get(l.userId)?.committeeIds ?? [];
    l.committeeNames = committees
      .filter((c) => named.includes(c._id) || (!named.length && !!l.sectorId && c.sectorIds.includes(l.sectorId)))
      .map((c) => c.name);
  }
  // A county whose sectors no committee takes is listed by sector even when asked by committee.
  return lines.some((l) => l.committeeNames.length > 0);
}

/** Lines in groups (a member in two committees is listed in both), each sorted by score, best first. */
export function grouped(lines: MemberAssessment[], by: 'sector' | 'committee') {
  const groups = new Map<string, MemberAssessment[]>();
  for (const l of lines) {
    const names = by === 'sector' ? [l.sectorName] : l.committeeNames.length ? l.committeeNames : ['未归口专委会'];
    for (const n of names) groups.set(n, [...(groups.get(n) ?? []), l]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([name, members]) => ({
      name,
      members: [...members].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')),
    }));
}

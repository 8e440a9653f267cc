import type { LiaisonGridEntry, LiaisonPeriod, LiaisonProgress, LiaisonQuota, User } from '@lxq/types';
import { gridOfLeader } from '../../shared/data/liaisonGrid';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { periodAsked } from './chosen';
import { progressOfMembers } from './progress';

export interface GridMember extends LiaisonProgress {
  userId: string;
  name: string;
  sectorName: string;
  openid: string | null;
  behind: boolean;
}

/**
 * The groups a director or convener leads, each member with their progress for the period:
 * the grid (names copied into it), the quota and one aggregate over all their members' records.
 */
export async function gridProgress(leader: User, input: Partial<LiaisonPeriod>, now: Date) {
  const { period } = periodAsked(input, now);
  const [entries, { quota }] = await Promise.all([gridOfLeader(leader._id), quotaFor(leader.unitPath)]);
  const progressOf = await progressOfMembers({ memberIds: [...new Set(entries.flatMap((e) => e.memberIds))] }, period);
  const groups = entries.map((e: LiaisonGridEntry) => ({
    _id: e._id,
    kind: e.kind,
    groupName: e.groupName,
    members: e.members
      .map((m): GridMember => {
        const progress = progressOf(m.userId, quota);
        return { ...m, ...progress, behind: progress.shortfalls.length > 0 };
      })
      // Who is behind comes first: that is what the director opens the page for.
      .sort((a, b) => Number(b.behind) - Number(a.behind) || a.name.localeCompare(b.name, 'zh')),
  }));
  return { period, quota: quota as LiaisonQuota, groups };
}

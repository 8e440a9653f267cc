import { ROLE_LABELS, type ExportJob } from '@lxq/types';
import { pageInvitations, type InvitationStatus } from '../../shared/data/invitations';
import { getUnitsByIds } from '../../shared/data/units';
import type { Source } from './sources';

const STATUS = { open: '待使用', used: '已使用', expired: '已过期' } as const;

const filterOf = (job: ExportJob) => {
  const { status, q } = job.filter as { status?: InvitationStatus; q?: string };
  return { status, q };
};

/**
 * The invitation codes of the subtree as account.listInvitations filters them, newest first;
 * "expired" is judged at the job's start, so the rows agree with the count.
 */
export const invitationsSource: Source = {
  sheet: '邀请码',
  header: ['邀请码', '姓名', '角色', '单位', '状态', '有效期至', '创建时间', '使用时间'],
  widths: [12, 10, 10, 24, 10, 18, 18, 18],
  async count(job) {
    return (await pageInvitations(job.unitId, filterOf(job), new Date(job.createdAt), 1, 1)).total;
  },
  async rows(job, skip, limit) {
    const now = new Date(job.createdAt);
    const { items } = await pageInvitations(job.unitId, filterOf(job), now, skip / limit + 1, limit);
    const units = await getUnitsByIds(items.map((i) => i.unitId));
    return items.map((i) => [
      i.code,
      i.name,
      ROLE_LABELS[i.role],
      units.get(i.unitId)?.name ?? '',
      i.usedAt ? STATUS.used : new Date(i.expiresAt) <= now ? STATUS.expired : STATUS.open,
      { date: new Date(i.expiresAt), format: 'datetime' },
      { date: new Date(i.createdAt), format: 'datetime' },
      i.usedAt ? { date: new Date(i.usedAt), format: 'datetime' } : '',
    ]);
  },
};

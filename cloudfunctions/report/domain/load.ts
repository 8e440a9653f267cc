import type { Report } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { getReport } from '../../shared/data/reports';
import { forbidden, notFound } from '../../shared/errors';
import { rewound } from '../../shared/rewind';
import { target } from '../../shared/target';

const MISSING = '社情民意信息不存在或已删除';

async function reportById({ id }: { id: string }): Promise<Report> {
  const r = await getReport(id);
  if (!r) throw notFound(MISSING);
  // A retry of a call that changed it before dying sees it as that call found it (rewind.ts).
  return rewound(r);
}

const author = (r: Report) => ({ openid: r.authorOpenid });
/** Staff of the author's unit and above, and of the desk holding it and above, may read it. */
const readers = (r: Report) => [...new Set([...r.unitPath, ...r.atUnitPath])];

/** The author's own report (their call needs no user look-up); anyone else learns nothing. */
export const ownReport = target({ load: reportById, may: { submitter: author }, hidden: MISSING });

/** Whoever may read it: the author, staff in scope of where it came from or where it is. */
export const visibleReport = target({
  load: reportById,
  may: { submitter: author, staffInScope: readers },
  hidden: MISSING,
});

/** The author, or staff at or above the desk holding it (the handler asks for the desk itself). */
export const editableReport = target({
  load: reportById,
  may: { submitter: author, staffInScope: (r) => r.atUnitPath },
  hidden: MISSING,
});

/** A desk action: staff at or above the desk holding it are admitted, then the handler asks for the desk. */
export const deskReport = target({
  load: reportById,
  may: { staffInScope: (r) => r.atUnitPath },
  refuse: '该信息不在本单位办理',
});

/** Only the desk holding it decides: a higher level waits until it is forwarded there. */
export async function atDesk(r: Report, ctx: ActionContext) {
  const user = await ctx.user();
  const staff = user.roles.some((role) => role === 'staff' || role === 'admin');
  if (!staff || scopeUnitOf(user).unitId !== r.atUnitId) throw forbidden('该信息尚未报送到本级，暂不能处理');
  return user;
}

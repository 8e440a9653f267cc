import type { Concern } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { getConcern } from '../../shared/data/concerns';
import { notFound } from '../../shared/errors';
import { target } from '../../shared/target';

const MISSING = '诉求不存在或已删除';

async function concernById({ id }: { id: string }): Promise<Concern> {
  const c = await getConcern(id);
  if (!c) throw notFound(MISSING);
  return c;
}

const assignee = (c: Concern) => ({ openid: c.assigneeOpenid });
const submitter = (c: Concern) => ({ openid: c.submitterOpenid });
const unit = (c: Concern) => c.unitPath;

/** A staff action's concern: staff whose unit holds it. */
export const staffConcern = target({ load: concernById, may: { staffInScope: unit } });

/**
 * The concern its assigned member works on (known by the concern itself, so their call needs no
 * user look-up), or staff in scope for a committee or workstation.
 */
export const handledConcern = target({
  load: concernById,
  may: { assignee, staffInScope: unit },
  refuse: '这条诉求没有交办给您',
});

/** A citizen's own concern: anyone else is told it does not exist. */
export const ownConcern = target({ load: concernById, may: { submitter }, hidden: MISSING });

/** Whoever may see the concern: its assigned member, its submitter, staff in scope; no one else learns it exists. */
export const visibleConcern = target({
  load: concernById,
  may: { assignee, submitter, staffInScope: unit },
  hidden: MISSING,
});

/** Who acts, as the timeline shows them. */
export async function actor(ctx: ActionContext) {
  const user = await ctx.user();
  return { openid: ctx.openid, name: user.name };
}

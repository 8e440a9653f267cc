import type { Topic } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { getTopic } from '../../shared/data/topics';
import { notFound } from '../../shared/errors';
import { rewound } from '../../shared/rewind';
import { target } from '../../shared/target';

export const MISSING = '议题不存在或已删除';

async function topicById({ id }: { id: string }): Promise<Topic> {
  const t = await getTopic(id);
  if (!t) throw notFound(MISSING);
  // A retry of a call that changed it before dying sees it as that call found it (rewind.ts).
  return rewound(t);
}

/** A topic staff act on: staff (or admins) whose unit holds it; others never learn it exists. */
export const staffTopic = target({ load: topicById, may: { staffInScope: (t: Topic) => t.unitPath }, hidden: MISSING });

/** Who acts, as the step records show them. */
export async function actor(ctx: ActionContext) {
  const user = await ctx.user();
  return { id: user._id, name: user.name };
}

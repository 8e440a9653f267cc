import type { Concern } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { getConcern } from '../../shared/data/concerns';
import { notFound } from '../../shared/errors';

const loaded = new WeakMap<ActionContext, Concern>();

/**
 * For a staff action's `unitOf`: loads the concern once per request, answers its unit path for
 * the scope check, and keeps it for the handler (`theConcern(ctx)`).
 */
export async function concernUnit(input: { id: string }, ctx: ActionContext): Promise<string[]> {
  const c = await getConcern(input.id);
  if (!c) throw notFound('诉求不存在或已删除');
  loaded.set(ctx, c);
  return c.unitPath;
}

export function theConcern(ctx: ActionContext): Concern {
  const c = loaded.get(ctx);
  if (!c) throw new Error('concern not loaded: declare unitOf: concernUnit');
  return c;
}

/** Who acts, as the timeline shows them. */
export async function actor(ctx: ActionContext) {
  const user = await ctx.user();
  return { openid: ctx.openid, name: user.name };
}

/** A citizen's own concern, or NOT_FOUND (someone else's is not admitted to exist). */
export async function mineToChange(id: string, openid: string): Promise<Concern> {
  const c = await getConcern(id);
  if (!c || c.submitterOpenid !== openid) throw notFound('诉求不存在或已删除');
  return c;
}

import { defineAction } from '../../shared/action';
import { handlerCase } from '../domain/handler';
import { toView } from '../domain/view';

/** One proposal as its handling unit sees it: the text, and its own unit's part only. */
export default defineAction({
  name: 'proposal.getAssigned',
  roles: ['handler'],
  mutates: false,
  async handler({ id }, ctx) {
    const c = await handlerCase(ctx, id);
    return toView(c.proposal, 'handler', c.handlingUnitId);
  },
});

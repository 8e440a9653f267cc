import { isPublished } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getTopic } from '../../shared/data/topics';
import { notFound } from '../../shared/errors';
import { publicView } from '../domain/view';

/** A topic's public page (公开公示 on): anyone may read it; before that it does not exist for them. */
export default defineAction({
  name: 'topic.publicGet',
  roles: ['citizen'],
  mutates: false,
  async handler({ id }) {
    const t = await getTopic(id);
    if (!t || !isPublished(t.step)) throw notFound('该议题尚未公示');
    return publicView(t);
  },
});

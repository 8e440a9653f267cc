import { defineAction } from '../../shared/action';
import { staffTopic } from '../domain/load';
import { staffView } from '../domain/view';

export default defineAction({
  name: 'topic.get',
  roles: ['staff', 'admin'],
  mutates: false,
  target: staffTopic,
  async handler(_input, _ctx, { doc }) {
    return staffView(doc);
  },
});

import type { Concern } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { textIsRisky } from '../../shared/cloud';
import { AppError } from '../../shared/errors';
import { insertConcern } from '../../shared/data/concerns';
import { getWorkstation } from '../../shared/data/workstations';

export default defineAction({
  name: 'concern.submit',
  roles: ['citizen'],
  mutates: true,
  async handler(input, ctx) {
    if (await textIsRisky(`${input.title}\n${input.text}`, ctx.openid)) {
      throw new AppError('CONTENT_RISKY', '内容含有不适宜发布的信息，请修改后再提交', {
        text: '内容未通过安全检查，请修改后再提交',
      });
    }
    const station = await getWorkstation({ id: input.workstationId });
    const concern: Concern = {
      _id: ctx.newId('concern'),
      unitId: station.unitId,
      unitPath: station.unitPath,
      workstationId: station._id,
      workstationName: station.name,
      category: input.category,
      title: input.title,
      text: input.text,
      photos: [],
      location: null,
      sectorId: null,
      phone: input.phone ?? null,
      anonymous: input.anonymous,
      submitterOpenid: ctx.openid,
      source: input.source,
      status: 'submitted',
      timeline: [{ at: ctx.now, by: ctx.openid, byName: input.anonymous ? '匿名群众' : '群众', action: 'submit' }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await insertConcern(concern);
    ctx.audit(`concerns/${concern._id}`, null, { ...concern, phone: concern.phone ? '(已填写)' : null });
    return { _id: concern._id, status: concern.status };
  },
});

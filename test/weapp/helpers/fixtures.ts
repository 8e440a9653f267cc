/** Canned answers for the fake wx.cloud.callFunction: what the pages are shown in these tests. */
import type { Handlers } from './simulate';

export const citizenMe = { openid: 'o_citizen', userId: null, name: '', roles: ['citizen'], unit: null, scopes: [] };
export const memberMe = {
  openid: 'o_member',
  userId: 'u_member',
  name: '李文华',
  roles: ['citizen', 'member'],
  unit: { _id: 'unit_city', name: '兰州市政协' },
  scopes: [],
};
export const staffMe = {
  openid: 'o_staff',
  userId: 'u_staff',
  name: '王静',
  roles: ['citizen', 'staff'],
  unit: { _id: 'unit_city', name: '兰州市政协' },
  scopes: [{ _id: 'unit_city', name: '兰州市政协' }],
};

export const workstation = {
  _id: 'ws_1',
  name: '城关区张掖路街道委员工作站',
  kind: 'station',
  address: '兰州市城关区张掖路 88 号',
  location: { lat: 36.06, lng: 103.83 },
  openingHours: '周一至周五 9:00–17:00',
  unitId: 'unit_city',
  unitName: '兰州市政协',
  headName: '赵建国',
  scene: 'ws_1',
  phone: '0931-8461234',
  photoUrl: 'https://tcb.test/workstations/door.jpg',
};

const concern = (id: string, title: string, status: string) => ({
  _id: id,
  title,
  category: '民生',
  status,
  workstationName: workstation.name,
  createdAt: '2025-03-01T02:30:00.000Z',
  submitter: '匿名群众',
  phone: '138****5678',
});

export function handlersFor(me: unknown): Handlers {
  return {
    'account.me': () => me,
    'org.listWorkstations': () => ({ items: [workstation], total: 1, page: 1, pageSize: 20 }),
    'org.getWorkstation': () => workstation,
    'concern.retention': () => ({ years: 3, units: [] }),
    'concern.listMine': () => ({
      items: [concern('c1', '小区门口路灯坏了三个月', 'in_progress')],
      total: 1,
      page: 1,
      pageSize: 20,
    }),
    'concern.listForStaff': () => ({
      items: [concern('c2', '菜市场周边占道经营严重', 'submitted')],
      total: 1,
      page: 1,
      pageSize: 20,
      counts: { submitted: 3, accepted: 2, replied: 5 },
      overdue: 1,
    }),
    'account.inspectInvitation': () => ({
      name: '李文华',
      role: 'member',
      unitName: '兰州市政协',
      expiresAt: '2025-03-08T02:30:00.000Z',
    }),
    'account.listInvitations': () => ({
      items: [
        {
          _id: 'i1',
          code: 'K7M2P9QX',
          name: '张三',
          role: 'member',
          unitId: 'unit_city',
          unitName: '兰州市政协',
          status: 'open',
          expiresAt: '2025-03-08T02:30:00.000Z',
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    }),
    'org.listUnits': () => ({ items: [{ _id: 'unit_city', name: '兰州市政协', level: 'city', parentId: null }] }),
    'org.listSectors': () => ({ items: [{ _id: 's1', name: '教育界' }] }),
  };
}

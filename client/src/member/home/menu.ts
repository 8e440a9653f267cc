/** The 委员 home's entries, as data: who sees each and where it goes. */
export interface MenuEntry {
  title: string;
  description: string;
  url: string;
  /** Tab pages are reached with reLaunch, others pushed on the stack. */
  relaunch?: boolean;
  /** Shown only when this holds for the caller. */
  only?: 'staff' | 'gridLeader';
  /** The unread count goes on this entry. */
  unread?: boolean;
}

export const MEMBER_MENU: MenuEntry[] = [
  { title: '通知消息', description: '政协办公室发来的通知、会议回执', url: '/member/inbox/index', unread: true },
  { title: '分派给我', description: '工作人员交办给我的群众诉求：办理、答复', url: '/member/assigned/index' },
  { title: '我的值班', description: '值班安排、签到签退、接待记录、请假调班', url: '/member/duty/index' },
  {
    title: '联系界别群众',
    description: '记联系记录、联系点与联系人、结对帮扶（“1158”工作法）',
    url: '/member/liaison/index',
  },
  { title: '我的社情民意', description: '把群众诉求和联系记录整理成社情民意信息报送', url: '/member/report/index' },
  { title: '我的提案', description: '起草提案、邀请联名、查看办理答复并评价', url: '/member/proposal/index' },
  { title: '协商议事', description: '协商会议扫码签到、议前调研任务', url: '/member/topic/index' },
  { title: '我的成绩单', description: '本季度、本年度联系群众进度与考核指标', url: '/member/record/index' },
  {
    title: '我联系的委员',
    description: '网格化联系委员的进度与提醒',
    url: '/member/liaison/grid',
    only: 'gridLeader',
  },
  { title: '我的诉求', description: '我以个人身份提交的诉求', url: '/pages/concern/mine', relaunch: true },
  { title: '工作台', description: '诉求管理、邀请码', url: '/staff/concerns/index', relaunch: true, only: 'staff' },
  { title: '值班管理', description: '今日值班、排班、请假审批、工作站', url: '/staff/duty/index', only: 'staff' },
];

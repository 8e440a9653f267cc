/**
 * The staff console's map, in one place: the left menu (modules by role) and every staff page's
 * title and parent, from which the breadcrumbs and the back link are made. A new module adds
 * its entry to STAFF_MENU and its pages to STAFF_PAGES; nothing else needs to know.
 */
import type { Role } from '@lxq/types';

export interface MenuEntry {
  key: string;
  title: string;
  /** The module's first page. */
  url: string;
  /** Who sees the entry; staff and admin when absent. */
  roles?: Role[];
}

export const STAFF_MENU: MenuEntry[] = [
  { key: 'dashboard', title: '数据看板', url: '/staff/dashboard/index' },
  { key: 'concerns', title: '诉求', url: '/staff/concerns/index' },
  { key: 'duty', title: '值班与工作站', url: '/staff/duty/index' },
  { key: 'liaison', title: '联系群众', url: '/staff/liaison/index' },
  { key: 'notices', title: '通知', url: '/staff/notices/index' },
  { key: 'topic', title: '协商议事', url: '/staff/topic/index' },
  { key: 'report', title: '社情民意', url: '/staff/report/index' },
  { key: 'proposal', title: '提案', url: '/staff/proposal/index' },
  { key: 'handle', title: '承办提案', url: '/staff/proposal/handle', roles: ['handler'] },
  { key: 'assessment', title: '履职考核', url: '/staff/assessment/index' },
  { key: 'calendar', title: '工作日历', url: '/staff/calendar/index' },
  { key: 'invitations', title: '邀请与账号', url: '/staff/invitations/index' },
  { key: 'admin', title: '系统管理', url: '/staff/admin/index', roles: ['admin'] },
  { key: 'audit', title: '操作日志', url: '/staff/admin/audit' },
];

export interface PageEntry {
  title: string;
  /** The menu entry the page belongs to. */
  module: string;
  /** The page one level up (the back link); the module's first page when absent. */
  parent?: string;
}

export const STAFF_PAGES: Record<string, PageEntry> = {
  '/staff/dashboard/index': { title: '数据看板', module: 'dashboard' },
  '/staff/concerns/index': { title: '群众诉求', module: 'concerns' },
  '/staff/concerns/detail': { title: '诉求详情', module: 'concerns' },
  '/staff/concerns/settings': { title: '办理时限', module: 'concerns' },
  '/staff/concerns/subjects': { title: '个人信息查询', module: 'concerns' },
  '/staff/duty/index': { title: '今日值班', module: 'duty' },
  '/staff/duty/roster': { title: '排班', module: 'duty' },
  '/staff/duty/leaves': { title: '请假与调班', module: 'duty' },
  '/staff/workstations/index': { title: '工作站', module: 'duty' },
  '/staff/workstations/edit': { title: '编辑工作站', module: 'duty', parent: '/staff/workstations/index' },
  '/staff/workstations/qr': { title: '二维码与海报', module: 'duty', parent: '/staff/workstations/index' },
  '/staff/workstations/tablet': { title: '值班平板', module: 'duty', parent: '/staff/workstations/index' },
  '/staff/liaison/index': { title: '联系记录', module: 'liaison' },
  '/staff/liaison/grid': { title: '网格与结对', module: 'liaison' },
  '/staff/notices/index': { title: '通知', module: 'notices' },
  '/staff/notices/compose': { title: '发通知', module: 'notices' },
  '/staff/notices/detail': { title: '通知详情', module: 'notices' },
  '/staff/topic/index': { title: '协商议题', module: 'topic' },
  '/staff/topic/create': { title: '新增协商议题', module: 'topic' },
  '/staff/topic/detail': { title: '议题详情', module: 'topic' },
  '/staff/report/index': { title: '社情民意信息', module: 'report' },
  '/staff/report/detail': { title: '信息详情', module: 'report' },
  '/staff/report/edit': { title: '编辑信息', module: 'report' },
  '/staff/proposal/index': { title: '提案', module: 'proposal' },
  '/staff/proposal/detail': { title: '提案详情', module: 'proposal' },
  '/staff/proposal/units': { title: '承办单位', module: 'proposal' },
  '/staff/proposal/handle': { title: '承办提案', module: 'handle' },
  '/staff/calendar/index': { title: '工作日历', module: 'calendar' },
  '/staff/invitations/index': { title: '邀请码', module: 'invitations' },
  '/staff/admin/index': { title: '组织架构', module: 'admin' },
  '/staff/admin/accounts': { title: '账号与换届', module: 'admin' },
  '/staff/admin/import': { title: '批量导入', module: 'admin' },
  '/staff/admin/audit': { title: '操作日志', module: 'audit' },
  '/staff/assessment/index': { title: '委员考核', module: 'assessment' },
  '/staff/assessment/weights': { title: '考核权重', module: 'assessment', parent: '/staff/assessment/index' },
  '/staff/assessment/stations': { title: '工作站考核', module: 'assessment' },
  '/staff/assessment/certificates': {
    title: '优秀委员工作站表彰名单',
    module: 'assessment',
    parent: '/staff/assessment/stations',
  },
};

export const menuFor = (roles: Role[]) =>
  STAFF_MENU.filter((m) => (m.roles ?? ['staff', 'admin']).some((r) => roles.includes(r)));

/** 工作台 / 诉求 / 诉求详情: the module, then the parents, then the page (path without its query). */
export function crumbsOf(path: string): { title: string; url: string }[] {
  const page = STAFF_PAGES[path];
  if (!page) return [];
  const module = STAFF_MENU.find((m) => m.key === page.module);
  const chain: { title: string; url: string }[] = [{ title: page.title, url: path }];
  for (let p = page.parent; p && STAFF_PAGES[p]; p = STAFF_PAGES[p].parent) {
    chain.unshift({ title: STAFF_PAGES[p].title, url: p });
  }
  if (module && chain[0].url !== module.url) chain.unshift({ title: module.title, url: module.url });
  return chain;
}

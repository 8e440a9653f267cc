/** The audit log's 操作 column: what each action is called on screen (the name itself when unlisted). */
export const ACTION_LABELS: Record<string, string> = {
  'admin.createUnit': '新建单位',
  'admin.renameUnit': '单位改名',
  'admin.moveUnit': '调整上级单位',
  'admin.retireUnit': '撤销单位',
  'admin.saveSector': '保存界别',
  'admin.saveCommittee': '保存专委会',
  'admin.linkWorkstation': '工作站关联界别',
  'admin.saveUnitLists': '保存诉求类别与走访时机',
  'admin.updateAccount': '修改账号',
  'admin.revokeAccount': '停用账号',
  'admin.resendInvitation': '重发邀请',
  'admin.endTerm': '换届',
  'admin.importCommit': '批量导入人员',
  'account.createInvitation': '发出邀请',
  'account.bindInvitation': '绑定邀请码',
  'org.createWorkstation': '新建工作站',
  'org.updateWorkstation': '修改工作站',
  'org.saveCalendarYear': '录入工作日历',
  'concern.submit': '提交诉求',
  'concern.accept': '受理诉求',
  'concern.reject': '不予受理',
  'concern.assign': '交办诉求',
  'concern.reply': '答复诉求',
  'concern.close': '办结诉求',
  'concern.saveSettings': '修改办理时限',
  'duty.createShift': '排班',
  'duty.updateShift': '修改排班',
  'duty.cancelShift': '取消排班',
  'duty.decideLeave': '审批请假',
  'notice.send': '发通知',
  'notice.cancel': '撤回通知',
  'liaison.log': '记录联系群众',
  'liaison.saveQuota': '修改联系任务',
};

/**
 * A before/after value as one line a person reads: `name：提案委员会；sectorIds：[…]`, a list of
 * people by their names, ids of the document itself left out, long text cut (the full value stays
 * in the log).
 */
export function brief(value: unknown): string {
  const text = show(value, 0);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function show(v: unknown, depth: number): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `[${v.map((x) => (isNamed(x) ? x.name : show(x, depth + 1))).join('、')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([k]) => k !== '_id');
    return (depth ? '{' : '') + entries.map(([k, x]) => `${k}：${show(x, depth + 1)}`).join('；') + (depth ? '}' : '');
  }
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

const isNamed = (x: unknown): x is { name: string } =>
  !!x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string';

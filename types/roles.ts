/** Everyone who opens the mini-program is a citizen; the other roles are bound by invitation. */
export const ROLES = ['citizen', 'member', 'staff', 'admin', 'handler'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '群众',
  member: '委员',
  staff: '工作人员',
  admin: '管理员',
  handler: '承办单位',
};

/**
 * Roles that may be granted by an invitation. A handler (承办单位) is a person of a department that
 * handles proposals: their invitation names the department, and they see only what it is given.
 */
export const INVITABLE_ROLES = ['member', 'staff', 'admin', 'handler'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

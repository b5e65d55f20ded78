/**
 * Roles and what each may do. Clerks receive and look up; managers also run the
 * branch (users, catalogue, day close); admins look after devices and settings.
 */
export const ROLES = ['clerk', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'catalogue.read',
  'catalogue.manage',
  'users.manage',
  'settings.manage',
  'devices.manage',
  'audit.read',
  'day.close',
  'reception.receive',
  'reception.cancel',
  'reception.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  clerk: ['catalogue.read', 'reception.receive'],
  manager: ['catalogue.read', 'catalogue.manage', 'users.manage', 'audit.read', 'day.close', 'reception.receive', 'reception.cancel', 'reception.configure'],
  admin: ['catalogue.read', 'settings.manage', 'devices.manage', 'audit.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

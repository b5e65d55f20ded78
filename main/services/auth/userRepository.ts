import type { Db } from '../../db/database';
import type { Role } from '../../../shared/auth/roles';
import type { User } from '../../../shared/api/contract';

interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(r: UserRow): UserWithHash {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    passwordHash: r.password_hash,
  };
}

export function publicUser({ passwordHash: _omit, ...user }: UserWithHash): User {
  return user;
}

export function findUserByUsername(db: Db, username: string): UserWithHash | null {
  const row = db.prepare('SELECT * FROM app_user WHERE username = ?').get(username) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findUserById(db: Db, id: number): UserWithHash | null {
  const row = db.prepare('SELECT * FROM app_user WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM app_user ORDER BY username').all() as UserRow[]).map((r) => publicUser(toUser(r)));
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM app_user').get() as { n: number }).n;
}

export function insertUser(
  db: Db,
  u: { username: string; fullName: string; role: Role; passwordHash: string; createdAt: string },
): number {
  return Number(
    db
      .prepare('INSERT INTO app_user (username, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.username, u.fullName, u.role, u.passwordHash, u.createdAt).lastInsertRowid,
  );
}

export function updateUser(
  db: Db,
  id: number,
  patch: { fullName?: string; role?: Role; disabled?: boolean; passwordHash?: string },
): void {
  db.prepare(
    `UPDATE app_user SET
       full_name = coalesce(?, full_name),
       role = coalesce(?, role),
       disabled = coalesce(?, disabled),
       password_hash = coalesce(?, password_hash)
     WHERE id = ?`,
  ).run(
    patch.fullName ?? null,
    patch.role ?? null,
    patch.disabled === undefined ? null : patch.disabled ? 1 : 0,
    patch.passwordHash ?? null,
    id,
  );
}

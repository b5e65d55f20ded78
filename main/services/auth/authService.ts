import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../../../shared/auth/roles';
import type { SessionInfo, User } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { appendAudit } from '../audit/auditRepository';
import type { CallContext, Clock, Session } from '../context';
import type { SettingsService } from '../settings/settingsService';
import { hashPassword, verifyPassword } from './password';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  publicUser,
  updateUser,
  type UserWithHash,
} from './userRepository';

/**
 * Sign-in, idle lock and user management. A session belongs to one connection;
 * the idle lock is enforced here (not only in the UI): a call after the idle
 * time finds the session locked until the password is given again.
 */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  private audit(userId: number | null, action: string, entityId?: number, detail?: unknown): void {
    appendAudit(this.db, this.clock(), { userId, action, entity: 'user', entityId, detail });
  }

  /** Recent failed attempts per user name: a locked screen or the sign-in form cannot be guessed at full speed. */
  private readonly failures = new Map<string, number[]>();

  private checkThrottle(key: string): void {
    const now = this.clock().getTime();
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < 5 * 60_000);
    this.failures.set(key, recent);
    if (recent.length >= 5 && now - recent[recent.length - 1] < 30_000) throw new ApiError('CONFLICT', t('auth.throttled'));
  }

  private noteFailure(key: string): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), this.clock().getTime()]);
  }

  /**
   * A user name and password as typed, for a sign-in or an approval: throttled per name, the same
   * time spent whether the user exists or not, the failure audited as `failedAction`.
   */
  private async checkCredentials(username: string, password: string, failedAction: string) {
    const key = username.trim().toLowerCase();
    this.checkThrottle(key);
    const user = findUserByUsername(this.db, key);
    const valid = user ? await verifyPassword(password, user.passwordHash) : await burnTime(password);
    if (!user || !valid) {
      this.noteFailure(key);
      this.audit(user?.id ?? null, failedAction, user?.id, { username });
      throw ApiError.of('BAD_CREDENTIALS');
    }
    this.failures.delete(key);
    if (user.disabled) throw ApiError.of('ACCOUNT_DISABLED');
    return user;
  }

  async signIn(ctx: CallContext, username: string, password: string): Promise<SessionInfo> {
    const user = await this.checkCredentials(username, password, 'auth.signInFailed');
    ctx.session = {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      lastActivity: this.clock().getTime(),
      locked: false,
    };
    this.audit(user.id, 'auth.signIn', user.id);
    return this.sessionInfo(ctx) as SessionInfo;
  }

  signOut(ctx: CallContext): void {
    if (ctx.session) this.audit(ctx.session.userId, 'auth.signOut', ctx.session.userId);
    ctx.session = null;
  }

  sessionInfo(ctx: CallContext): SessionInfo | null {
    const s = ctx.session;
    if (!s) return null;
    const user = findUserById(this.db, s.userId);
    if (!user) return null;
    return {
      user: publicUser(user),
      permissions: [...ROLE_PERMISSIONS[s.role]],
      locked: s.locked,
      idleLockMinutes: this.settings.get().idleLockMinutes,
    };
  }

  /**
   * Called by dispatch before every call that needs a session: locks a session
   * idle for too long, and otherwise counts the call as activity.
   */
  requireSession(ctx: CallContext, allowLocked: boolean, countsAsActivity = true): Session {
    const s = ctx.session;
    if (!s) throw ApiError.of('UNAUTHENTICATED');
    const now = this.clock().getTime();
    const idleMs = this.settings.get().idleLockMinutes * 60_000;
    if (!s.locked && now - s.lastActivity > idleMs) {
      s.locked = true;
      this.audit(s.userId, 'auth.idleLock', s.userId);
      ctx.push?.('session.locked', { reason: 'idle' });
    }
    if (s.locked && !allowLocked) throw ApiError.of('LOCKED');
    if (!s.locked && countsAsActivity) s.lastActivity = now;
    // A user disabled or demoted while signed in loses the old rights at once.
    const user = findUserById(this.db, s.userId);
    if (!user || user.disabled) {
      ctx.session = null;
      throw ApiError.of(user ? 'ACCOUNT_DISABLED' : 'UNAUTHENTICATED');
    }
    s.role = user.role;
    return s;
  }

  /** Whether pushes (scans, device states) may go to this connection: signed in, not locked, not idle past the limit. */
  isActive(ctx: CallContext): boolean {
    const s = ctx.session;
    if (!s || s.locked) return false;
    return this.clock().getTime() - s.lastActivity <= this.settings.get().idleLockMinutes * 60_000;
  }

  requirePermission(session: Session, permission: Permission): void {
    if (!ROLE_PERMISSIONS[session.role].includes(permission)) throw ApiError.of('FORBIDDEN');
  }

  /**
   * A manager's approval typed on someone else's screen (a cash difference above the threshold):
   * their user name and password, checked like a sign-in (same throttle), and the permission it needs.
   */
  async approve(username: string, password: string, permission: Permission): Promise<{ id: number; fullName: string }> {
    const user = await this.checkCredentials(username, password, 'auth.approvalFailed');
    if (!ROLE_PERMISSIONS[user.role].includes(permission)) throw new ApiError('FORBIDDEN', t('dayClose.approverNotAllowed', { name: user.fullName }));
    this.audit(user.id, 'auth.approval', user.id, { permission });
    return { id: user.id, fullName: user.fullName };
  }

  lock(ctx: CallContext): void {
    const s = this.requireSession(ctx, true);
    if (!s.locked) {
      s.locked = true;
      this.audit(s.userId, 'auth.lock', s.userId);
    }
  }

  async unlock(ctx: CallContext, password: string): Promise<SessionInfo> {
    const s = this.requireSession(ctx, true);
    this.checkThrottle(s.username);
    const user = findUserById(this.db, s.userId) as UserWithHash;
    if (!(await verifyPassword(password, user.passwordHash))) {
      this.noteFailure(s.username);
      this.audit(s.userId, 'auth.unlockFailed', s.userId);
      throw ApiError.of('BAD_CREDENTIALS');
    }
    this.failures.delete(s.username);
    s.locked = false;
    s.lastActivity = this.clock().getTime();
    this.audit(s.userId, 'auth.unlock', s.userId);
    return this.sessionInfo(ctx) as SessionInfo;
  }

  async changePassword(ctx: CallContext, currentPassword: string, newPassword: string): Promise<void> {
    const s = this.requireSession(ctx, false);
    const user = findUserById(this.db, s.userId) as UserWithHash;
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw ApiError.of('BAD_CREDENTIALS');
    const passwordHash = await hashPassword(newPassword);
    this.db.transaction(() => {
      updateUser(this.db, s.userId, { passwordHash });
      this.audit(s.userId, 'user.changePassword', s.userId);
    })();
  }

  listUsers(): User[] {
    return listUsers(this.db);
  }

  async createUser(
    ctx: CallContext,
    input: { username: string; fullName: string; role: Role; password: string },
  ): Promise<User> {
    const username = input.username.toLowerCase();
    if (findUserByUsername(this.db, username)) throw new ApiError('CONFLICT', t('users.exists', { username }));
    const passwordHash = await hashPassword(input.password);
    const id = this.db.transaction(() => {
      const newId = insertUser(this.db, {
        username,
        fullName: input.fullName,
        role: input.role,
        passwordHash,
        createdAt: this.clock().toISOString(),
      });
      this.audit(ctx.session?.userId ?? null, 'user.create', newId, { username, role: input.role });
      return newId;
    })();
    return publicUser(findUserById(this.db, id) as UserWithHash);
  }

  updateUser(ctx: CallContext, input: { id: number; fullName?: string; role?: Role; disabled?: boolean }): User {
    const existing = findUserById(this.db, input.id);
    if (!existing) throw ApiError.of('NOT_FOUND', { what: `người dùng #${input.id}` });
    if (input.disabled && ctx.session?.userId === input.id) throw new ApiError('CONFLICT', t('users.selfDisable'));
    this.db.transaction(() => {
      updateUser(this.db, input.id, input);
      // Someone must always be able to manage users, cancel dossiers and configure the point.
      const managers = (this.db.prepare("SELECT count(*) AS n FROM app_user WHERE role = 'manager' AND disabled = 0").get() as { n: number }).n;
      if (managers === 0) throw new ApiError('CONFLICT', t('users.lastManager'));
      const { id: _id, ...changes } = input;
      this.audit(ctx.session?.userId ?? null, 'user.update', input.id, changes);
    })();
    return publicUser(findUserById(this.db, input.id) as UserWithHash);
  }

  async resetPassword(ctx: CallContext, id: number, password: string): Promise<void> {
    if (!findUserById(this.db, id)) throw ApiError.of('NOT_FOUND', { what: `người dùng #${id}` });
    const passwordHash = await hashPassword(password);
    this.db.transaction(() => {
      updateUser(this.db, id, { passwordHash });
      this.audit(ctx.session?.userId ?? null, 'user.resetPassword', id);
    })();
  }
}

/** Spend the same time on an unknown user name as on a wrong password, so names cannot be probed. */
async function burnTime(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

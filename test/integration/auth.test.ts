import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newContext } from '../../main/services/context';
import { MANAGER, POINT, call, setUpAndSignIn, testApp, type TestApp } from '../support/app';

let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(() => app.dispose());

describe('first run and sign-in', () => {
  it('needs setup until the point and the first manager exist, then refuses a second setup', async () => {
    const ctx = newContext();
    expect((await call(app, ctx, 'app.info', {})) as { value: { needsSetup: boolean } }).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(await call(app, ctx, 'auth.signIn', { username: 'x', password: 'y' })).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    expect(await call(app, ctx, 'setup.complete', { point: POINT, manager: MANAGER })).toMatchObject({ ok: true });
    expect(await call(app, ctx, 'app.info', {})).toMatchObject({ value: { needsSetup: false, point: POINT } });
    const again = await call(app, ctx, 'setup.complete', { point: POINT, manager: { ...MANAGER, username: 'other' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    await app.services.setup.complete({ point: POINT, manager: MANAGER });
    const row = app.db.prepare('SELECT password_hash FROM app_user').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(MANAGER.password);
  });

  it('signs in with the right password only, and says so in Vietnamese', async () => {
    await app.services.setup.complete({ point: POINT, manager: MANAGER });
    const ctx = newContext();
    const wrong = await call(app, ctx, 'auth.signIn', { username: MANAGER.username, password: 'sai-mat-khau' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
    expect(await call(app, ctx, 'catalogue.search', { query: 'khai sinh' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const right = await call(app, ctx, 'auth.signIn', { username: MANAGER.username, password: MANAGER.password });
    expect(right).toMatchObject({ ok: true, value: { user: { username: MANAGER.username, role: 'manager' } } });
  });

  it('locks an idle session on the host until the password is given again', async () => {
    const ctx = await setUpAndSignIn(app);
    app.advance(9 * 60_000);
    expect(await call(app, ctx, 'catalogue.search', { query: 'khai sinh' })).toMatchObject({ ok: true });
    app.advance(10 * 60_000 + 1000);
    expect(await call(app, ctx, 'catalogue.search', { query: 'khai sinh' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call(app, ctx, 'auth.unlock', { password: 'sai' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await call(app, ctx, 'auth.unlock', { password: MANAGER.password })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await call(app, ctx, 'catalogue.search', { query: 'khai sinh' })).toMatchObject({ ok: true });
  });

  it('follows the configured idle time', async () => {
    const ctx = await setUpAndSignIn(app);
    const admin = await app.services.auth.createUser(ctx, { username: 'it.admin', fullName: 'Trần Văn Kỹ', role: 'admin', password: 'quan-tri-123' });
    expect(admin.role).toBe('admin');
    const adminCtx = newContext();
    await app.services.auth.signIn(adminCtx, 'it.admin', 'quan-tri-123');
    expect(await call(app, adminCtx, 'settings.update', { idleLockMinutes: 2 })).toMatchObject({ ok: true, value: { idleLockMinutes: 2 } });
    app.advance(2 * 60_000 + 1);
    expect(await call(app, ctx, 'catalogue.facets', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('gives each role only its own rights', async () => {
    const manager = await setUpAndSignIn(app);
    await app.services.auth.createUser(manager, { username: 'gdv.lan', fullName: 'Lê Thị Lan', role: 'clerk', password: 'giao-dich-1' });
    const clerk = newContext();
    await app.services.auth.signIn(clerk, 'gdv.lan', 'giao-dich-1');
    expect(await call(app, clerk, 'catalogue.search', { query: 'khai sinh' })).toMatchObject({ ok: true });
    for (const [method, params] of [
      ['users.list', {}],
      ['catalogue.import', { fileName: 'a.json', contentBase64: '' }],
      ['settings.update', { idleLockMinutes: 5 }],
      ['audit.list', {}],
    ] as const)
      expect(await call(app, clerk, method, params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(app, manager, 'settings.update', { idleLockMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('signs out a user the moment a manager disables the account', async () => {
    const manager = await setUpAndSignIn(app);
    const u = await app.services.auth.createUser(manager, { username: 'gdv.minh', fullName: 'Phạm Minh', role: 'clerk', password: 'giao-dich-2' });
    const clerk = newContext();
    await app.services.auth.signIn(clerk, 'gdv.minh', 'giao-dich-2');
    await app.services.auth.updateUser(manager, { id: u.id, disabled: true });
    expect(await call(app, clerk, 'catalogue.facets', {})).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    expect(await call(app, newContext(), 'auth.signIn', { username: 'gdv.minh', password: 'giao-dich-2' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('slows down password guessing: after 5 failures the user name waits 30 seconds', async () => {
    await app.services.setup.complete({ point: POINT, manager: MANAGER });
    const ctx = newContext();
    for (let i = 0; i < 5; i++) expect(await call(app, ctx, 'auth.signIn', { username: MANAGER.username, password: `sai-${i}` })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await call(app, ctx, 'auth.signIn', { username: MANAGER.username, password: MANAGER.password })).toMatchObject({
      ok: false,
      error: { message: 'Nhập sai mật khẩu nhiều lần. Vui lòng chờ 30 giây rồi thử lại.' },
    });
    app.advance(31_000);
    expect(await call(app, ctx, 'auth.signIn', { username: MANAGER.username, password: MANAGER.password })).toMatchObject({ ok: true });
  });

  it('never leaves the point without an active manager', async () => {
    const manager = await setUpAndSignIn(app);
    const me = app.services.auth.listUsers()[0];
    expect(() => app.services.auth.updateUser(manager, { id: me.id, role: 'clerk' })).toThrow(/ít nhất một tài khoản trưởng bưu cục/);
    expect(app.services.auth.listUsers()[0].role).toBe('manager');
  });

  it('records who did what and when in the audit log', async () => {
    const manager = await setUpAndSignIn(app);
    await app.services.auth.createUser(manager, { username: 'gdv.lan', fullName: 'Lê Thị Lan', role: 'clerk', password: 'giao-dich-1' });
    await call(app, newContext(), 'auth.signIn', { username: 'gdv.lan', password: 'sai' });
    const log = app.db.prepare('SELECT a.action, u.username, a.at FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id ORDER BY a.id').all() as {
      action: string;
      username: string | null;
      at: string;
    }[];
    expect(log.map((l) => [l.action, l.username])).toEqual(
      expect.arrayContaining([
        ['setup.complete', MANAGER.username],
        ['auth.signIn', MANAGER.username],
        ['user.create', MANAGER.username],
        ['auth.signInFailed', 'gdv.lan'],
      ]),
    );
    expect(log.every((l) => l.at.startsWith('2026-11-20'))).toBe(true);
  });
});

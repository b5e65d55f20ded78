import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/auth/roles';
import type { User } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage, fieldErrors } from '../../app/errors';
import { Field } from '../../ui/Field';

export function UsersScreen() {
  const { api, session } = useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [form, setForm] = useState({ username: '', fullName: '', role: 'clerk' as Role, password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(() => api['users.list']({}).then(setUsers, (e) => setMessage({ ok: false, text: errorMessage(e) })), [api]);
  useEffect(() => void load(), [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[a-z0-9._]{3,32}$/.test(form.username)) found.username = t('field.username');
    if (!form.fullName.trim()) found.fullName = t('field.required');
    if (form.password.length < 8) found.password = t('field.tooShort', { min: 8 });
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const u = await api['users.create']({ ...form, fullName: form.fullName.trim() });
      setMessage({ ok: true, text: t('users.created', { username: u.username }) });
      setForm({ username: '', fullName: '', role: 'clerk', password: '' });
      await load();
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  async function toggle(u: User) {
    try {
      await api['users.update']({ id: u.id, disabled: !u.disabled });
      await load();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('setup.username')}</th>
            <th>{t('setup.fullName')}</th>
            <th>{t('users.role')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.fullName}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>
                {u.disabled ? t('users.disabled') : t('users.active')}{' '}
                {u.id !== session.user.id && <button onClick={() => void toggle(u)}>{u.disabled ? t('users.enable') : t('users.disable')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={create} noValidate>
        <h2>{t('users.add')}</h2>
        <div className="grid2">
          <Field label={t('setup.username')} value={form.username} error={errors.username} onChange={(v) => setForm({ ...form, username: v.toLowerCase() })} name="new-username" />
          <Field label={t('setup.fullName')} value={form.fullName} error={errors.fullName} onChange={(v) => setForm({ ...form, fullName: v })} name="new-fullname" />
          <label className="field">
            <span>{t('users.role')}</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} name="new-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <Field label={t('setup.password')} type="password" value={form.password} error={errors.password} onChange={(v) => setForm({ ...form, password: v })} name="new-password" autoComplete="new-password" />
        </div>
        <button type="submit" className="primary">
          {t('users.add')}
        </button>
      </form>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

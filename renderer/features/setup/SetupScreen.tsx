import { useState, type FormEvent } from 'react';
import { POINT_KINDS } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import type { Client } from '../../app/context';
import { errorMessage, fieldErrors } from '../../app/errors';
import { Field } from '../../ui/Field';

type Form = {
  code: string;
  name: string;
  province: string;
  commune: string;
  kind: (typeof POINT_KINDS)[number];
  fullName: string;
  username: string;
  password: string;
  password2: string;
};

/** Validated here for instant feedback; the host validates again with the shared schema. */
function validate(f: Form): Partial<Record<keyof Form, string>> {
  const e: Partial<Record<keyof Form, string>> = {};
  for (const k of ['code', 'name', 'province', 'commune', 'fullName', 'username', 'password'] as const)
    if (!f[k].trim()) e[k] = t('field.required');
  if (f.code && !/^[A-Z0-9][A-Z0-9.-]{1,19}$/.test(f.code.trim())) e.code = t('field.pointCode');
  if (f.username && !/^[a-z0-9._]{3,32}$/.test(f.username.trim())) e.username = t('field.username');
  if (f.password && f.password.length < 8) e.password = t('field.tooShort', { min: 8 });
  if (f.password2 !== f.password) e.password2 = t('setup.passwordMismatch');
  return e;
}

export function SetupScreen({ api, onDone }: { api: Client; onDone: () => Promise<void> }) {
  const [form, setForm] = useState<Form>({
    code: '',
    name: '',
    province: '',
    commune: '',
    kind: 'transaction_point',
    fullName: '',
    username: '',
    password: '',
    password2: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(null);
    try {
      await api['setup.complete']({
        point: {
          code: form.code.trim(),
          name: form.name.trim(),
          province: form.province.trim(),
          commune: form.commune.trim(),
          kind: form.kind,
        },
        manager: { fullName: form.fullName.trim(), username: form.username.trim(), password: form.password },
      });
      await onDone();
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors({
        code: fe['point.code'],
        name: fe['point.name'],
        username: fe['manager.username'],
        password: fe['manager.password'],
      });
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form className="card wide" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <fieldset>
          <legend>{t('setup.point')}</legend>
          <div className="grid2">
            <Field label={t('setup.pointCode')} hint={t('setup.pointCodeHint')} error={errors.code} value={form.code} onChange={(v) => set('code')(v.toUpperCase())} autoFocus name="code" />
            <Field label={t('setup.pointName')} error={errors.name} value={form.name} onChange={set('name')} name="pointName" />
            <Field label={t('setup.province')} error={errors.province} value={form.province} onChange={set('province')} name="province" />
            <Field label={t('setup.commune')} error={errors.commune} value={form.commune} onChange={set('commune')} name="commune" />
          </div>
          <label className="field">
            <span>{t('setup.kind')}</span>
            <select name="kind" value={form.kind} onChange={(e) => set('kind')(e.target.value)}>
              {POINT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`pointKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('setup.manager')}</legend>
          <div className="grid2">
            <Field label={t('setup.fullName')} error={errors.fullName} value={form.fullName} onChange={set('fullName')} name="fullName" />
            <Field label={t('setup.username')} error={errors.username} value={form.username} onChange={(v) => set('username')(v.toLowerCase())} name="username" autoComplete="username" />
            <Field label={t('setup.password')} hint={t('setup.passwordHint')} error={errors.password} value={form.password} onChange={set('password')} name="password" type="password" autoComplete="new-password" />
            <Field label={t('setup.passwordAgain')} error={errors.password2} value={form.password2} onChange={set('password2')} name="password2" type="password" autoComplete="new-password" />
          </div>
        </fieldset>
        {failure && <p className="error" role="alert">{failure}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}

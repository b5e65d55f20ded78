import { useState, type FormEvent } from 'react';
import type { AppInfo, SessionInfo } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import type { Client } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Field } from '../../ui/Field';

export function SignInScreen({ api, info, onSignedIn }: { api: Client; info: AppInfo; onSignedIn: (s: SessionInfo) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('error.BAD_CREDENTIALS'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api['auth.signIn']({ username: username.trim(), password }));
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        {info.point && <p className="muted">{t('signIn.point', { name: info.point.name, code: info.point.code })}</p>}
        <Field label={t('setup.username')} value={username} onChange={(v) => setUsername(v.toLowerCase())} name="username" autoFocus autoComplete="username" />
        <Field label={t('setup.password')} value={password} onChange={setPassword} name="password" type="password" autoComplete="current-password" />
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}

import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Field } from '../../ui/Field';

export function LockScreen({ onUnlocked, onSignedOut }: { onUnlocked: (s: SessionInfo) => void; onSignedOut: () => void }) {
  const { api, session } = useApp();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      onUnlocked(await api['auth.unlock']({ password }));
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
    }
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={submit} aria-labelledby="lock-title">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p className="muted">{t('lock.intro', { minutes: session.idleLockMinutes, name: session.user.fullName })}</p>
        <Field label={t('setup.password')} value={password} onChange={setPassword} name="password" type="password" autoFocus autoComplete="current-password" />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button type="submit" className="primary">
            {t('lock.unlock')}
          </button>
          <button type="button" onClick={() => void api['auth.signOut']({}).finally(onSignedOut)}>
            {t('lock.switchUser')}
          </button>
        </div>
      </form>
    </main>
  );
}

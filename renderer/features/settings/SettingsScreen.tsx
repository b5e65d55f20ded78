import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Field } from '../../ui/Field';

export function SettingsScreen() {
  const { api } = useApp();
  const [minutes, setMinutes] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    api['settings.get']({}).then((s) => setMinutes(String(s.idleLockMinutes)), (e) => setMessage({ ok: false, text: errorMessage(e) }));
  }, [api]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 240) {
      setMessage({ ok: false, text: 'Nhập số phút từ 1 đến 240.' });
      return;
    }
    try {
      await api['settings.update']({ idleLockMinutes: n });
      setMessage({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form className="panel" onSubmit={save} aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <Field label={t('settings.idleLock')} value={minutes} onChange={setMinutes} name="idleLockMinutes" />
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';

export function AuditScreen() {
  const { api } = useApp();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['audit.list']({ limit: 200 }).then(setEntries, (e) => setError(errorMessage(e)));
  }, [api]);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="grid">
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.user')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString('vi-VN')}</td>
              <td>{e.username ?? '—'}</td>
              <td>{e.action}</td>
              <td className="small">{[e.entity, e.entityId, e.detail].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

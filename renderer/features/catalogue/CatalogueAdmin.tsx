import { useCallback, useEffect, useState } from 'react';
import type { CatalogueVersion, ImportResult } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { downloadFile, readAsBase64 } from '../../ui/download';
import { ProblemTable } from './ProblemTable';

/** Manager's screen: import the province's list (all-or-nothing, with a full report), export, template. */
export function CatalogueAdmin() {
  const { api, refreshInfo } = useApp();
  const [versions, setVersions] = useState<CatalogueVersion[]>([]);
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => api['catalogue.versions']({}).then(setVersions, (e) => setError(errorMessage(e))), [api]);
  useEffect(() => void load(), [load]);

  async function importFile(file: File) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api['catalogue.import']({ fileName: file.name, contentBase64: await readAsBase64(file), mode });
      setResult(r);
      if (r.status === 'imported') {
        await load();
        await refreshInfo();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const run = (f: () => Promise<void>) => () => {
    setError(null);
    f().catch((err) => setError(errorMessage(err)));
  };
  const current = versions.find((v) => v.current);

  return (
    <section className="admin" aria-labelledby="catalogue-admin-title">
      <h1 id="catalogue-admin-title">{t('catalogue.title')}</h1>
      {current && (
        <p data-testid="current-version">
          {t('catalogue.current', {
            version: current.id,
            count: current.procedureCount,
            at: new Date(current.importedAt).toLocaleString('vi-VN'),
            by: current.importedBy ?? t('catalogue.sample'),
          })}
        </p>
      )}
      <div className="panel">
        <h2>{t('catalogue.import')}</h2>
        <fieldset className="row">
          <legend>{t('catalogue.importMode')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('catalogue.importReplace')}
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('catalogue.importMerge')}
          </label>
        </fieldset>
        <label className="file">
          <span>{t('catalogue.importChoose')}</span>
          <input
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
        <button onClick={run(async () => downloadFile(await api['catalogue.template']({})))}>{t('catalogue.template')}</button>
        {result?.status === 'imported' && (
          <p className="ok" role="status">
            {t('catalogue.importDone', { count: result.count, version: result.version })}
          </p>
        )}
        {result?.status === 'rejected' && (
          <div role="alert">
            <p className="error">{t('catalogue.importFailed', { count: result.problems.length })}</p>
            <ProblemTable problems={result.problems} />
          </div>
        )}
        {result && result.warnings.length > 0 && (
          <details>
            <summary>
              {t('catalogue.importWarnings')} ({result.warnings.length})
            </summary>
            <ProblemTable problems={result.warnings} />
          </details>
        )}
      </div>
      <div className="panel">
        <h2>{t('catalogue.export')}</h2>
        <div className="row">
          <button onClick={run(async () => downloadFile(await api['catalogue.export']({ format: 'json' })))}>{t('catalogue.exportJson')}</button>
          <button onClick={run(async () => downloadFile(await api['catalogue.export']({ format: 'xlsx' })))}>{t('catalogue.exportXlsx')}</button>
          <button onClick={run(async () => downloadFile(await api['catalogue.publishedList']({})))}>{t('catalogue.publishedListXlsx')}</button>
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="panel">
        <h2>{t('catalogue.versions')}</h2>
        <table className="grid">
          <thead>
            <tr>
              <th>#</th>
              <th>Thời điểm</th>
              <th>Người nhập</th>
              <th>Nguồn</th>
              <th>Số thủ tục</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className={v.current ? 'current' : ''}>
                <td>{v.id}</td>
                <td>{new Date(v.importedAt).toLocaleString('vi-VN')}</td>
                <td>{v.importedBy ?? '—'}</td>
                <td>{v.sourceName}</td>
                <td>{v.procedureCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { ProcedureSummary } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { downloadFile } from '../../ui/download';

/** The printable list of procedures accepted and not accepted via BCCI, as agencies publish it. */
export function PublishedList() {
  const { api, info } = useApp();
  const [all, setAll] = useState<ProcedureSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['catalogue.search']({ query: '', limit: 20_000 }).then((r) => setAll(r.items), (e) => setError(errorMessage(e)));
  }, [api]);
  const accepted = all.filter((p) => p.bcciReceive || p.bcciReturn);
  const notAccepted = all.filter((p) => !p.bcciReceive && !p.bcciReturn);

  const table = (title: string, list: ProcedureSummary[], testId: string) => (
    <section>
      <h2>{title}</h2>
      <table className="grid print" data-testid={testId}>
        <thead>
          <tr>
            <th>STT</th>
            <th>Mã TTHC</th>
            <th>Tên thủ tục</th>
            <th>Lĩnh vực</th>
            <th>Cấp</th>
            <th>Cơ quan thực hiện</th>
            <th>Nhận hồ sơ</th>
            <th>Trả kết quả</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p, i) => (
            <tr key={p.code}>
              <td>{i + 1}</td>
              <td>{p.code}</td>
              <td>{p.name}</td>
              <td>{p.field}</td>
              <td>{p.level}</td>
              <td>{p.agency}</td>
              <td>{p.bcciReceive ? 'x' : ''}</td>
              <td>{p.bcciReturn ? 'x' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

  return (
    <section className="published">
      <div className="row no-print">
        <button onClick={() => window.print()}>{t('catalogue.print')}</button>
        <button onClick={() => void api['catalogue.publishedList']({}).then(downloadFile, (e) => setError(errorMessage(e)))}>
          {t('catalogue.publishedListXlsx')}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <h1>{t('catalogue.publishedList')}</h1>
      {info.point && (
        <p>
          {info.point.name} ({info.point.code}) — {info.point.commune}, {info.point.province}
        </p>
      )}
      {table(t('catalogue.acceptedTitle'), accepted, 'accepted')}
      {table(t('catalogue.notAcceptedTitle'), notAccepted, 'not-accepted')}
    </section>
  );
}

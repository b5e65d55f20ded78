import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { LabelPreview } from '../printing/LabelPreview';
import { ReceiptPreview } from '../printing/ReceiptPreview';
import { useFocusTrap } from '../../ui/useFocusTrap';
import { ErrorLine } from '../../ui/ErrorLine';

/** A job as it looks on its printer's paper: the same document and layout the printer bytes come from. */
export function JobPreview({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const { api } = useApp();
  const [data, setData] = useState<MethodOutput<'printJobs.preview'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useFocusTrap(box);
  useEffect(() => {
    api['printJobs.preview']({ id: jobId }).then(setData, (e) => setError(errorMessage(e)));
  }, [api, jobId]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div ref={box} className="modal preview-modal" role="dialog" aria-modal="true" aria-label={t('jobs.preview')} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <div className="row">
          <h2>{data?.job.title ?? t('jobs.preview')}</h2>
          <button onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
        <ErrorLine error={error} />
        {data?.document.kind === 'receipt' && <ReceiptPreview document={data.document} columns={data.columns} dotsPerLine={data.dotsPerLine} reprint={data.job.reprintOf !== null} />}
        {data?.document.kind === 'label' && <LabelPreview label={data.document} />}
      </div>
    </div>
  );
}

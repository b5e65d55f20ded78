import { t, type MessageKey } from '../../../shared/messages/vi';
import { STEPS, type StepId } from './model';

const LABEL: Record<StepId, MessageKey> = {
  procedure: 'recv.step.procedure',
  checklist: 'recv.step.checklist',
  applicant: 'recv.step.applicant',
  fees: 'recv.step.fees',
  confirm: 'recv.step.confirm',
};

export type StepStatus = 'done' | 'current' | 'todo' | 'skipped' | 'blocked';

/** 1. Thủ tục → 2. Kiểm tra hồ sơ → 3. Người nộp → 4. Phí & hẹn trả → 5. Xác nhận; a reachable step is a button. */
export function Stepper({ status, onGo }: { status: Record<StepId, StepStatus>; onGo: (step: StepId) => void }) {
  return (
    <nav aria-label={t('recv.steps')} className="rx-stepper no-print">
      <ol>
        {STEPS.map((s, i) => {
          const st = status[s];
          const label = `${i + 1}. ${t(LABEL[s])}`;
          return (
            <li key={s} className={`rx-step rx-step-${st}`}>
              <button
                type="button"
                aria-current={st === 'current' ? 'step' : undefined}
                disabled={st === 'blocked' || st === 'skipped'}
                onClick={() => onGo(s)}
                aria-label={label}
                title={st === 'skipped' ? t('recv.step.skipped') : undefined}
              >
                <span className="rx-step-no" aria-hidden="true">
                  {st === 'done' ? '✓' : i + 1}
                </span>
                <span className="rx-step-label">{t(LABEL[s])}</span>
                {st === 'skipped' && <span className="rx-step-note">{t('recv.step.skipped')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

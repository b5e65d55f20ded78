import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ReceptionConfig } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { DEFAULT_POSTAL_TARIFF } from '../../../shared/reception/fees';
import { useApp } from '../../app/context';
import { errorMessage, fieldErrors } from '../../app/errors';
import { focusIn } from './controls';
import { fromDraft, splitProblems, toDraft, validateDraft, type Draft } from './model';
import { BankSection, CalendarSection, TransitSection } from './OtherSections';
import { S10Section } from './S10Section';
import { TariffSection } from './TariffSection';
import './receptionSettings.css';

/** 'invalid' is worded from the live error count, so it shrinks as the manager fixes fields. */
type Message = { ok: boolean; text: string; problems?: string[] } | { invalid: true };

/**
 * The manager's "Cấu hình tiếp nhận": postal tariff, transit days, transfer account and the
 * yearly calendar (one save), and the S10 item-number ranges (added one by one).
 */
export function ReceptionSettingsScreen() {
  const { api } = useApp();
  const [saved, setSaved] = useState<ReceptionConfig | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [agencies, setAgencies] = useState<string[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    api['reception.config']({}).then(
      (c) => {
        setSaved(c);
        setDraft(toDraft(c));
      },
      (e) => setMessage({ ok: false, text: errorMessage(e) }),
    );
    api['catalogue.facets']({}).then(
      (f) => setAgencies(f.agencies),
      () => setAgencies([]),
    );
  }, [api]);

  // Moves focus after the render that made the field exist (a new row, the first error).
  useEffect(() => {
    if (pendingFocus.current) {
      focusIn(formRef.current, pendingFocus.current);
      pendingFocus.current = null;
    }
  });

  const update = useCallback((change: (d: Draft) => Draft) => {
    setDraft((d) => (d ? change(d) : d));
    setDirty(true);
    setMessage((m) => (m && 'ok' in m && m.ok ? null : m));
  }, []);
  const focus = useCallback((field: string) => {
    pendingFocus.current = field;
  }, []);

  if (!draft || !saved) {
    return (
      <section aria-labelledby="rs-title">
        <h1 id="rs-title">{t('receptionSettings.title')}</h1>
        {message && 'text' in message ? (
          <p className="error" role="alert">
            {message.text}
          </p>
        ) : (
          <p className="muted">{t('receptionSettings.loading')}</p>
        )}
      </section>
    );
  }

  const errors = showErrors ? validateDraft(draft) : {};
  const errorCount = Object.keys(errors).length;
  const shown: { ok: boolean; text: string; problems?: string[] } | null =
    message && 'invalid' in message
      ? errorCount
        ? { ok: false, text: t('receptionSettings.invalid', { count: errorCount }) }
        : null
      : message;
  const stillDefault = JSON.stringify(saved.tariff.prices) === JSON.stringify(DEFAULT_POSTAL_TARIFF.prices);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft || saving) return;
    const found = validateDraft(draft);
    const count = Object.keys(found).length;
    setShowErrors(true);
    if (count) {
      setMessage({ invalid: true });
      pendingFocus.current = '*invalid*';
      return;
    }
    setSaving(true);
    try {
      const result = await api['reception.updateConfig'](fromDraft(draft));
      setSaved(result);
      setDraft(toDraft(result));
      setShowErrors(false);
      setDirty(false);
      setMessage({ ok: true, text: t('receptionSettings.saved') });
    } catch (err) {
      const byField = Object.entries(fieldErrors(err)).map(([path, msg]) => `${path}: ${msg}`);
      setMessage({ ok: false, text: t('receptionSettings.refused'), problems: byField.length ? byField : splitProblems(errorMessage(err)) });
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const revert = () => {
    setDraft(toDraft(saved));
    setShowErrors(false);
    setDirty(false);
    setMessage(null);
  };

  const props = { draft, update, errors, focus };
  return (
    <div className="rs-screen">
      <h1 id="rs-title">{t('receptionSettings.title')}</h1>
      <p className="muted">{t('receptionSettings.intro')}</p>
      <form ref={formRef} onSubmit={save} onKeyDown={onKeyDown} noValidate aria-labelledby="rs-title">
        <TariffSection {...props} stillDefault={stillDefault} />
        <TransitSection {...props} agencies={agencies} />
        <BankSection {...props} />
        <CalendarSection {...props} />
        <div className="rs-savebar">
          <button type="submit" className="primary" disabled={saving} title="Ctrl+S">
            {saving ? t('receptionSettings.saving') : t('receptionSettings.save')}
          </button>
          <button type="button" onClick={revert} disabled={!dirty || saving}>
            {t('receptionSettings.revert')}
          </button>
          {dirty && !shown && <span className="muted">{t('receptionSettings.unsaved')}</span>}
          {shown && (
            <div className={shown.ok ? 'ok' : 'error'} role={shown.ok ? 'status' : 'alert'}>
              <strong>{shown.text}</strong>
              {shown.problems && shown.problems.length > 0 && (
                <ul className="rs-problems">
                  {shown.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </form>
      <S10Section />
    </div>
  );
}

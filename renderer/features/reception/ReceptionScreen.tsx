import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProcedureDetail, ProcedureSummary, ReceptionConfig } from '../../../shared/api/contract';
import type { PrintJob } from '../../../shared/api/devices';
import type { Dossier, Quote, ReceptionService } from '../../../shared/api/reception';
import { t } from '../../../shared/messages/vi';
import { evaluateChecklist, type ChecklistAnswers } from '../../../shared/reception/checklist';
import { findUnit } from '../../../shared/text/unitNames';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { useAdminUnits } from './adminUnits';
import { ApplicantStep } from './ApplicantStep';
import { ChecklistStep } from './ChecklistStep';
import { ConfirmStep, ConfirmedView, GuidedView } from './ConfirmStep';
import { isTypingTarget } from './controls';
import { DraftSaver, type DraftStatus } from './draftSaver';
import { FeesStep, type QuoteState } from './FeesStep';
import {
  STEPS,
  allowedServices,
  apiAnswers,
  checkParties,
  checksDocuments,
  draftData,
  emptyForm,
  feeFormErrors,
  formatDate,
  formatDateTime,
  newKey,
  quoteInput,
  shortHash,
  readDraft,
  type ApplicantForm,
  type DeliveryForm,
  type FeesForm,
  type ReceptionForm,
  type RepresentativeForm,
  type StepId,
} from './model';
import { ProcedureStep, SERVICE_LABEL } from './ProcedureStep';
import { Stepper, type StepStatus } from './Stepper';
import './reception.css';
import { ErrorLine } from '../../ui/ErrorLine';

type Phase = { kind: 'editing' } | { kind: 'guided'; job: PrintJob } | { kind: 'confirmed'; dossier: Dossier; printJobs: PrintJob[] };

interface DraftOffer {
  id: number;
  updatedAt: string;
  procedureName: string;
  applicantName: string;
  readable: boolean;
}

interface CccdValue {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
}

function asCccd(v: unknown): CccdValue | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
  const idNumber = s('idNumber');
  const fullName = s('fullName');
  const dateOfBirth = s('dateOfBirth');
  const address = s('address');
  const sex = o.sex === 'male' || o.sex === 'female' ? o.sex : null;
  if (!idNumber || !fullName || !dateOfBirth || !address || !sex) return null;
  return { idNumber, fullName, dateOfBirth, sex, address, ...(s('oldIdNumber') ? { oldIdNumber: s('oldIdNumber') as string } : {}) };
}

/**
 * Reception at the counter (tiếp nhận hồ sơ), keyboard first:
 * 1. Thủ tục → 2. Kiểm tra hồ sơ → 3. Người nộp → 4. Phí & hẹn trả → 5. Xác nhận.
 * The rules (what applies, what is missing, fees) are shared/reception's; the host quotes,
 * prints and records. The state is saved as a draft on every change.
 */
export function ReceptionScreen() {
  const { api, info } = useApp();
  const [config, setConfig] = useState<ReceptionConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [s10Remaining, setS10Remaining] = useState<number | null>(null);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [procedureError, setProcedureError] = useState<string | null>(null);
  const [opening, setOpening] = useState<ProcedureSummary | null>(null);
  const [form, setForm] = useState<ReceptionForm>(() => emptyForm());
  const units = useAdminUnits(api, form.delivery.province);
  const pointProvince = useMemo(
    () => (units.preparedProvinces && info.point?.province ? (findUnit(units.preparedProvinces, info.point.province, 'province')?.name ?? '') : ''),
    [units.preparedProvinces, info.point?.province],
  );
  const defaults = useMemo(() => ({ province: pointProvince, zoneId: config?.tariff.zones[0]?.id ?? '' }), [pointProvince, config]);
  const [step, setStep] = useState<StepId>('procedure');
  const [cursor, setCursor] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [offers, setOffers] = useState<DraftOffer[]>([]);
  const [offerError, setOfferError] = useState<string | null>(null);
  const [draftStatus, setDraftStatus] = useState<DraftStatus>('idle');
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [guidance, setGuidance] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [confirming, setConfirming] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [quoteRes, setQuoteRes] = useState<{ key: string; quote: Quote } | null>(null);
  const [quoteBusy, setQuoteBusy] = useState(false);
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [abandonArmed, setAbandonArmed] = useState(false);
  const quoteTicket = useRef(0);
  const saver = useMemo(() => new DraftSaver(api, setDraftStatus), [api]);

  // ── Loading: tariff and calendar, item-number ranges, drafts left from before ──
  const loadS10 = useCallback(() => {
    api['reception.s10Ranges']({}).then(
      (ranges) => setS10Remaining(ranges.reduce((n, r) => n + r.remaining, 0)),
      () => setS10Remaining(null),
    );
  }, [api]);
  useEffect(() => {
    api['reception.config']({}).then(setConfig, (err) => setConfigError(errorMessage(err)));
    loadS10();
    api['reception.drafts']({}).then(
      (list) =>
        setOffers(
          list.map((d) => {
            const data = readDraft(d.data);
            return {
              id: d.id,
              updatedAt: d.updatedAt,
              procedureName: data?.procedureName ?? '',
              applicantName: data?.form.applicant.fullName ?? '',
              readable: !!data,
            };
          }),
        ),
      () => undefined,
    );
  }, [api, loadS10]);
  // the first zone as the default once the tariff is known
  useEffect(() => {
    if (defaults.zoneId) setForm((f) => (f.fees.zoneId ? f : { ...f, fees: { ...f.fees, zoneId: defaults.zoneId } }));
  }, [defaults.zoneId]);

  // the point's province (matched by folded name) as the default once the list of provinces is known
  useEffect(() => {
    if (defaults.province) setForm((f) => (f.delivery.province ? f : { ...f, delivery: { ...f.delivery, province: defaults.province } }));
  }, [defaults.province]);
  // a province spelt otherwise (a draft from before) shown and sent as the data writes it
  const canonicalProvince = units.province?.name;
  useEffect(() => {
    if (canonicalProvince)
      setForm((f) => (!f.delivery.province || f.delivery.province === canonicalProvince ? f : { ...f, delivery: { ...f.delivery, province: canonicalProvince } }));
  }, [canonicalProvince]);

  // ── Derived ──
  const service = form.service;
  const result = useMemo(() => (procedure ? evaluateChecklist(procedure, form.answers) : null), [procedure, form.answers]);
  const parties = useMemo(
    () => checkParties(form, { provinces: units.preparedProvinces, communes: units.communes }),
    [form, units.preparedProvinces, units.communes],
  );
  const feeErrors = useMemo(() => feeFormErrors(form.fees, config), [form.fees, config]);
  const qInput = useMemo(() => (procedure && service ? quoteInput(procedure, service, form.fees, config) : null), [procedure, service, form.fees, config]);
  const qKey = qInput ? JSON.stringify(qInput) : null;

  useEffect(() => {
    if (!qKey) {
      setQuoteBusy(false);
      return;
    }
    const ticket = ++quoteTicket.current;
    setQuoteBusy(true);
    const timer = setTimeout(() => {
      api['reception.quote'](JSON.parse(qKey))
        .then((quote) => {
          if (ticket !== quoteTicket.current) return;
          setQuoteRes({ key: qKey, quote });
          setQuoteError(null);
        })
        .catch((err) => ticket === quoteTicket.current && setQuoteError(errorMessage(err)))
        .finally(() => ticket === quoteTicket.current && setQuoteBusy(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [api, qKey]);

  const quote: QuoteState = { quote: quoteRes?.quote ?? null, fresh: !!qKey && quoteRes?.key === qKey, busy: quoteBusy, error: quoteError };
  const freshQuote = quote.fresh ? quote.quote : null;

  const ok: Record<StepId, boolean> = {
    procedure: !!procedure && !!service && allowedServices(procedure).includes(service),
    checklist: !checksDocuments(service) || !!result?.complete,
    applicant: parties.ok,
    fees: !!freshQuote && freshQuote.errors.length === 0 && (form.payment === 'cash' || freshQuote.total === 0 || !!freshQuote.vietQr),
    confirm: false,
  };
  const skipped = (s: StepId) => s === 'checklist' && service === 'return';
  const active = STEPS.filter((s) => !skipped(s));
  const reachable = (s: StepId) => active.slice(0, active.indexOf(s)).every((p) => ok[p]);
  const firstProblem = active.find((s) => s !== 'confirm' && !ok[s]);

  const status = {} as Record<StepId, StepStatus>;
  for (const s of STEPS) {
    status[s] =
      phase.kind === 'confirmed'
        ? skipped(s)
          ? 'skipped'
          : 'done'
        : s === step
          ? 'current'
          : skipped(s)
            ? 'skipped'
            : !reachable(s) || phase.kind !== 'editing'
              ? 'blocked'
              : ok[s]
                ? 'done'
                : 'todo';
  }

  const goTo = (s: StepId) => {
    if (phase.kind === 'editing' && !skipped(s) && reachable(s)) setStep(s);
  };
  const next = () => {
    if (!ok[step]) return;
    const n = active[active.indexOf(step) + 1];
    if (n) setStep(n);
  };

  // ── Saving the draft on every change ──
  useEffect(() => {
    if (phase.kind !== 'editing' || !procedure) return;
    const data = draftData(procedure, step, form);
    const timer = setTimeout(() => saver.save(data), 500);
    return () => clearTimeout(timer);
  }, [saver, procedure, step, form, phase.kind]);

  // ── Changes ──
  const update = (patch: Partial<ReceptionForm>) => setForm((f) => ({ ...f, ...patch }));
  const onApplicant = (patch: Partial<ApplicantForm>) => setForm((f) => ({ ...f, applicant: { ...f.applicant, ...patch } }));
  const onRepresentative = (patch: Partial<RepresentativeForm>) => setForm((f) => ({ ...f, representative: { ...f.representative, ...patch } }));
  const onDelivery = (patch: Partial<DeliveryForm>) => setForm((f) => ({ ...f, delivery: { ...f.delivery, ...patch } }));
  const onFees = (patch: Partial<FeesForm>) => setForm((f) => ({ ...f, fees: { ...f.fees, ...patch } }));
  const onAnswers = useCallback((u: (a: ChecklistAnswers) => ChecklistAnswers) => setForm((f) => ({ ...f, answers: u(f.answers) })), []);

  /** A new procedure: a new reception of it (answers and fee choices belong to the procedure). */
  const resetFor = useCallback((p: Pick<ProcedureDetail, 'bcciReceive' | 'bcciReturn'>) => {
    const allowed = allowedServices(p);
    setCursor(null);
    setForm((f) => ({
      ...f,
      idempotencyKey: newKey(),
      service: allowed.length === 1 ? allowed[0] : null,
      answers: { conditions: {}, items: {} },
      fees: { ...f.fees, phiTier: '', lePhiTier: '', exemptPhi: false, exemptLePhi: false, exemptionReason: '' },
    }));
  }, []);
  const openTicket = useRef(0);
  /** Opens a procedure: from a search result its summary shows at once (keys 1/2/3 work) while the detail loads. */
  const openProcedure = useCallback(
    async (code: string, summary?: ProcedureSummary) => {
      const ticket = ++openTicket.current;
      setProcedureError(null);
      setProcedure(null);
      setOpening(summary ?? null);
      if (summary) resetFor(summary);
      try {
        const p = await api['catalogue.get']({ code });
        if (ticket !== openTicket.current) return;
        if (!summary) resetFor(p);
        setProcedure(p);
      } catch (err) {
        if (ticket === openTicket.current) setProcedureError(errorMessage(err));
      } finally {
        if (ticket === openTicket.current) setOpening(null);
      }
    },
    [api, resetFor],
  );
  /** Enter on step 1 while the detail is still loading goes on once it is there. */
  const nextWhenLoaded = useRef(false);
  const leaveStep1 = useCallback(() => {
    if (!procedure) {
      nextWhenLoaded.current = true;
      return;
    }
    if (service && allowedServices(procedure).includes(service)) setStep(checksDocuments(service) ? 'checklist' : 'applicant');
  }, [procedure, service]);
  useEffect(() => {
    if (procedure && nextWhenLoaded.current) {
      nextWhenLoaded.current = false;
      leaveStep1();
    }
  }, [procedure, leaveStep1]);

  const startOver = useCallback(async () => {
    await saver.reset(phase.kind !== 'confirmed');
    openTicket.current++;
    nextWhenLoaded.current = false;
    setOpening(null);
    setProcedure(null);
    setProcedureError(null);
    setForm(emptyForm(defaults));
    setStep('procedure');
    setCursor(null);
    setPhase({ kind: 'editing' });
    setScanNote(null);
    setGuidance({ busy: false, error: null });
    setConfirming({ busy: false, error: null });
    setQuoteRes(null);
    setQuoteError(null);
    setAbandonArmed(false);
  }, [saver, phase.kind, defaults]);

  // ── Drafts from before ──
  async function restore(offer: DraftOffer) {
    setOfferError(null);
    try {
      const list = await api['reception.drafts']({});
      const found = list.find((d) => d.id === offer.id);
      const data = found ? readDraft(found.data) : null;
      if (!data) throw new Error('draft');
      const p = await api['catalogue.get']({ code: data.procedureCode, versionId: data.versionId });
      await saver.reset(false);
      saver.adopt(offer.id);
      setProcedure(p);
      setForm(data.form);
      setStep(data.step);
      setCursor(null);
      setPhase({ kind: 'editing' });
      setOffers((o) => o.filter((x) => x.id !== offer.id));
    } catch (err) {
      setOfferError(err instanceof Error && err.message === 'draft' ? t('recv.draft.unreadable') : errorMessage(err));
    }
  }
  async function discard(offer: DraftOffer) {
    setOfferError(null);
    try {
      await api['reception.discardDraft']({ id: offer.id });
      setOffers((o) => o.filter((x) => x.id !== offer.id));
    } catch (err) {
      setOfferError(errorMessage(err));
    }
  }

  // ── Supplement slip (F9) ──
  const printGuidance = useCallback(async () => {
    if (!procedure || !result || result.complete || guidance.busy) return;
    if (result.pendingQuestions.length > 0 || result.missing.length === 0) {
      setGuidance({ busy: false, error: t('recv.guidance.askFirst') });
      return;
    }
    setGuidance({ busy: true, error: null });
    try {
      const answers = apiAnswers(form.answers);
      const name = form.applicant.fullName.trim();
      const job = await api['reception.guidance']({
        procedureCode: procedure.code,
        versionId: procedure.versionId,
        answers,
        ...(name ? { applicantName: name } : {}),
        idempotencyKey: `${form.idempotencyKey}-g-${shortHash(JSON.stringify(answers))}`,
      });
      setGuidance({ busy: false, error: null });
      setPhase({ kind: 'guided', job });
    } catch (err) {
      setGuidance({ busy: false, error: errorMessage(err) });
    }
  }, [api, procedure, result, guidance.busy, form]);

  // ── Confirm (Ctrl+Enter) ──
  const confirm = useCallback(async () => {
    if (confirming.busy || !procedure || !service || !qInput) return;
    if (firstProblem) {
      setStep(firstProblem);
      return;
    }
    if (!parties.applicant || !freshQuote) return;
    setConfirming({ busy: true, error: null });
    const draftId = await saver.settle();
    try {
      const res = await api['reception.confirm']({
        ...qInput,
        idempotencyKey: form.idempotencyKey,
        answers: apiAnswers(form.answers),
        applicant: parties.applicant,
        ...(parties.representative ? { representative: parties.representative } : {}),
        delivery: parties.delivery ?? { kind: 'at_agency' },
        payment: freshQuote.total === 0 ? 'cash' : form.payment,
        expectedTotal: freshQuote.total,
        ...(draftId ? { draftId } : {}),
      });
      saver.forget();
      setConfirming({ busy: false, error: null });
      setPhase({ kind: 'confirmed', dossier: res.dossier, printJobs: res.printJobs });
      loadS10();
    } catch (err) {
      saver.resume();
      setConfirming({ busy: false, error: errorMessage(err) });
    }
  }, [api, confirming.busy, procedure, service, qInput, firstProblem, parties, freshQuote, form, saver, loadS10]);

  // ── Keys for the whole screen: Ctrl+Enter, F9, Esc (back), Enter after the end ──
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if ((e.target as Element | null)?.closest?.('.modal')) return;
    if (phase.kind !== 'editing') {
      if (e.key === 'Enter' && !e.ctrlKey && !isTypingTarget(e.target) && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        void startOver();
      }
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (step === 'confirm') void confirm();
      else if (procedure && service) setStep(firstProblem ?? 'confirm');
    } else if (e.key === 'F9') {
      e.preventDefault();
      if (step === 'checklist') void printGuidance();
    } else if (e.key === 'Escape' && step !== 'procedure' && !e.defaultPrevented) {
      e.preventDefault();
      const i = active.indexOf(step);
      setStep(active[Math.max(0, i - 1)]);
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // ── Scans: a CCCD fills the applicant (or the representative being typed), a procedure code opens it ──
  const onScan = useRef<(kind: string, value: unknown) => void>(() => undefined);
  onScan.current = (kind, value) => {
    if (phase.kind !== 'editing') return;
    if (kind === 'cccd') {
      const c = asCccd(value);
      if (!c) return;
      const toRep = form.hasRepresentative && !!document.activeElement?.closest('[data-party="representative"]');
      if (toRep) onRepresentative({ idNumber: c.idNumber, fullName: c.fullName });
      else
        onApplicant({ idNumber: c.idNumber, oldIdNumber: c.oldIdNumber ?? '', fullName: c.fullName, dateOfBirth: formatDate(c.dateOfBirth), sex: c.sex, address: c.address });
      setScanNote(t(toRep ? 'recv.scan.filledRep' : 'recv.scan.filled', { name: c.fullName, id: c.idNumber }));
    } else if (kind === 'procedure' && step === 'procedure') {
      const code = value && typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string' ? (value as { code: string }).code : null;
      if (code) void openProcedure(code);
    }
  };
  useEffect(() => api.on('scanner.scan', (e) => onScan.current(e.kind, e.value)), [api]);

  // ── Render ──
  let body: React.ReactNode;
  if (phase.kind === 'confirmed') body = <ConfirmedView dossier={phase.dossier} printJobs={phase.printJobs} onNew={() => void startOver()} />;
  else if (phase.kind === 'guided')
    body = (
      <GuidedView
        job={phase.job}
        onNew={() => void startOver()}
        onBack={() => {
          setPhase({ kind: 'editing' });
          setStep('checklist');
        }}
      />
    );
  else if (step === 'procedure' || !procedure || !service)
    body = (
      <>
        {!procedure && !opening && offers.length > 0 && (
          <section className="rx-panel rx-drafts" aria-labelledby="rx-drafts-title">
            <h2 id="rx-drafts-title">{t('recv.draft.title')}</h2>
            <ul>
              {offers.map((o, i) => (
                <li key={o.id}>
                  <span>
                    {o.readable ? (
                      <>
                        <strong>{o.procedureName}</strong>
                        {o.applicantName && ` — ${o.applicantName}`}
                      </>
                    ) : (
                      t('recv.draft.unreadable')
                    )}
                    <span className="muted small"> · {t('recv.draft.savedAt', { at: formatDateTime(o.updatedAt) })}</span>
                  </span>
                  {o.readable && (
                    <button type="button" className="primary" autoFocus={i === 0} onClick={() => void restore(o)}>
                      {t('recv.draft.restore')}
                    </button>
                  )}
                  <button type="button" onClick={() => void discard(o)}>
                    {t('recv.draft.discard')}
                  </button>
                </li>
              ))}
            </ul>
            <ErrorLine error={offerError} />
          </section>
        )}
        <ProcedureStep
          procedure={procedure ?? opening}
          service={service}
          error={procedureError}
          onOpen={(code, summary) => void openProcedure(code, summary)}
          onClear={() => {
            openTicket.current++;
            nextWhenLoaded.current = false;
            setProcedure(null);
            setOpening(null);
            update({ service: null });
          }}
          onService={(s: ReceptionService) => update({ service: s })}
          onNext={leaveStep1}
        />
      </>
    );
  else if (step === 'checklist')
    body = (
      <ChecklistStep
        procedure={procedure}
        answers={form.answers}
        onAnswers={onAnswers}
        cursor={cursor}
        onCursor={setCursor}
        onNext={next}
        onGuidance={() => void printGuidance()}
        guidanceBusy={guidance.busy}
        guidanceError={guidance.error}
      />
    );
  else if (step === 'applicant')
    body = (
      <ApplicantStep
        service={service}
        applicant={form.applicant}
        hasRepresentative={form.hasRepresentative}
        representative={form.representative}
        delivery={form.delivery}
        units={units}
        check={parties}
        scanNote={scanNote}
        onApplicant={onApplicant}
        onHasRepresentative={(v) => update({ hasRepresentative: v })}
        onRepresentative={onRepresentative}
        onDelivery={onDelivery}
        onNext={next}
      />
    );
  else if (step === 'fees')
    body = (
      <FeesStep
        procedure={procedure}
        service={service}
        config={config}
        configError={configError}
        fees={form.fees}
        errors={feeErrors}
        payment={form.payment}
        quote={quote}
        onFees={onFees}
        onPayment={(p) => update({ payment: p })}
        onNext={next}
      />
    );
  else if (freshQuote)
    body = (
      <ConfirmStep
        procedure={procedure}
        form={form}
        answers={form.answers}
        check={parties}
        quote={freshQuote}
        s10Remaining={s10Remaining}
        busy={confirming.busy}
        error={confirming.error}
        onConfirm={() => void confirm()}
      />
    );
  else body = <p className="muted">{quote.busy ? t('recv.quote.computing') : t('recv.quote.needInputs')}</p>;

  return (
    <div className="rx-screen" data-step={step} data-phase={phase.kind}>
      <header className="rx-head">
        <Stepper status={status} onGo={goTo} />
        <div className="rx-head-side no-print">
          {procedure && phase.kind === 'editing' && (
            <span className={`rx-draft-status small ${draftStatus === 'error' ? 'error' : 'muted'}`} role="status">
              {draftStatus === 'saving' ? t('recv.draft.saving') : draftStatus === 'saved' ? t('recv.draft.saved') : draftStatus === 'error' ? t('recv.draft.error') : ''}
            </span>
          )}
          {procedure && phase.kind === 'editing' && (
            <button type="button" className={abandonArmed ? 'rx-danger' : 'link'} onClick={() => (abandonArmed ? void startOver() : setAbandonArmed(true))} onBlur={() => setAbandonArmed(false)}>
              {abandonArmed ? t('recv.abandon.confirm') : t('recv.abandon')}
            </button>
          )}
        </div>
      </header>
      {procedure && service && step !== 'procedure' && phase.kind === 'editing' && (
        <p className="rx-context">
          <strong>{procedure.name}</strong> <span className="muted">({procedure.code})</span> · {t(SERVICE_LABEL[service])}
        </p>
      )}
      {body}
    </div>
  );
}

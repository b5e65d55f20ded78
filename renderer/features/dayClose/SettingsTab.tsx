import { useEffect, useState } from 'react';
import type { DayCloseSettings, PendingGroup } from '../../../shared/api/dayClose';
import { PENDING_GROUPS } from '../../../shared/api/dayClose';
import { t, type MessageKey } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { FieldFrame } from '../../ui/Field';
import { SubmitButton } from '../../ui/SubmitForm';
import { NoteLine, note, type Note } from '../lifecycle/controls';
import { FormProblems, useCheckedForm } from '../shift/checkedForm';
import { THRESHOLD_FIELD, checkSettings, settingsForm, settingsLevels, targetField, type SettingsForm } from './settingsModel';

/** What each kind of open work is called on the close's first step. */
const GROUP_LABEL: Record<PendingGroup, MessageKey> = {
  printJobs: 'ui.dayClose.printJobs',
  notInManifest: 'ui.dayClose.notInManifest',
  notDelivered: 'ui.dayClose.notDelivered',
  feesOutstanding: 'ui.dayClose.fees',
  openShifts: 'ui.dayClose.openShifts',
};

/**
 * Cài đặt khóa sổ (the manager's): the cash difference above which a manager must approve a count,
 * the province's BCCI targets per procedure level (the period report compares with them), and which
 * open work refuses the close unless an override reason is recorded. Every change is audited.
 */
export function SettingsTab({ active }: { active: boolean }) {
  const { api } = useApp();
  const [settings, setSettings] = useState<DayCloseSettings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Note | null>(null);

  // Loaded when the tab is first opened, not each time: switching tabs keeps unsaved edits.
  const opened = active || settings !== null;
  useEffect(() => {
    if (!opened) return;
    let live = true;
    api['dayClose.config']({}).then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setForm(settingsForm(s));
        setLoadError(null);
      },
      (err) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [opened, api]);

  const levels = settings ? settingsLevels(settings) : [];
  const check = () => (form ? checkSettings(form, levels.map((l) => l.level)) : { errors: {} });
  const { formRef, errors, errorCount, submit } = useCheckedForm(check, busy, (value) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    api['dayClose.updateConfig'](value).then(
      (config) => {
        const next = { ...config, levels: settings?.levels ?? [] };
        setSettings(next);
        setForm(settingsForm(next));
        setSaved(note('ok', t('ui.dcSettings.saved')));
      },
      (err) => setError(errorMessage(err)),
    ).finally(() => setBusy(false));
  });

  if (loadError)
    return (
      <p className="error" role="alert">
        {loadError}
      </p>
    );
  if (!form || !settings) return <p className="muted">{t('app.loading')}</p>;
  const update = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setSaved(null);
  };

  return (
    <form ref={formRef} className="dc-settings" onSubmit={submit} noValidate aria-labelledby="dc-settings-title">
      <h2 id="dc-settings-title">{t('ui.dcSettings.title')}</h2>
      <FieldFrame label={t('ui.dcSettings.threshold')} hint={t('ui.dcSettings.thresholdHint')} error={errors[THRESHOLD_FIELD]}>
        {(control) => (
          <span className="sh-unit">
            <input {...control} value={form.threshold} inputMode="numeric" autoComplete="off" maxLength={16} onChange={(e) => update({ threshold: e.target.value })} /> đ
          </span>
        )}
      </FieldFrame>

      <fieldset className="dc-targets">
        <legend>{t('ui.dcSettings.targets')}</legend>
        <p className="muted small">{t('ui.dcSettings.targetsHint')}</p>
        {levels.map(({ level, inCatalogue }) => (
          <FieldFrame key={level} label={inCatalogue ? level : t('ui.dcSettings.levelGone', { level })} error={errors[targetField(level)]} className="dc-target">
            {(control) => (
              <span className="sh-unit">
                <input
                  {...control}
                  value={form.targets[level] ?? ''}
                  inputMode="decimal"
                  autoComplete="off"
                  maxLength={6}
                  onChange={(e) => update({ targets: { ...form.targets, [level]: e.target.value } })}
                />{' '}
                %
              </span>
            )}
          </FieldFrame>
        ))}
        {settings.levels.length === 0 && <p className="muted">{t('ui.dcSettings.noLevels')}</p>}
      </fieldset>

      <fieldset className="dc-block-on">
        <legend>{t('ui.dcSettings.blockOn')}</legend>
        <p className="muted small">{t('ui.dcSettings.blockOnHint')}</p>
        {PENDING_GROUPS.map((g) => (
          <label key={g} className="rs-choice">
            <input
              type="checkbox"
              checked={form.blockOn.includes(g)}
              onChange={(e) => update({ blockOn: e.target.checked ? [...form.blockOn, g] : form.blockOn.filter((x) => x !== g) })}
            />
            {t(GROUP_LABEL[g])}
          </label>
        ))}
      </fieldset>

      <FormProblems errorCount={errorCount} error={error} />
      <div className="rx-actions">
        <SubmitButton label={t('ui.dcSettings.save')} busy={busy} />
      </div>
      <NoteLine value={saved} />
    </form>
  );
}

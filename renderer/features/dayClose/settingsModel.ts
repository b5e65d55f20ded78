import { PENDING_GROUPS, type DayCloseConfig, type DayCloseSettings, type PendingGroup } from '../../../shared/api/dayClose';
import { formatMoney, t } from '../../../shared/messages/vi';
import { parseAmount } from '../shift/model';

/**
 * The day-close settings as the manager types them: the difference that needs a manager's approval,
 * a BCCI target per catalogue level (blank: no target), and which open work refuses the close
 * without a recorded override. Checked here before anything is sent.
 */
export interface SettingsForm {
  threshold: string;
  /** Level name → the target as typed ("85", "62,5"). */
  targets: Record<string, string>;
  blockOn: PendingGroup[];
}

export const THRESHOLD_FIELD = 'threshold';
export const targetField = (level: string) => `target.${level}`;
const MAX_THRESHOLD = 100_000_000;

/** The levels the form lists: the current catalogue's, then any with a target that the catalogue no longer has. */
export function settingsLevels(s: Pick<DayCloseSettings, 'levels' | 'bcciTargets'>): { level: string; inCatalogue: boolean }[] {
  const listed = s.levels.map((level) => ({ level, inCatalogue: true }));
  const gone = s.bcciTargets.filter((x) => !s.levels.includes(x.level)).map((x) => ({ level: x.level, inCatalogue: false }));
  return [...listed, ...gone];
}

export function settingsForm(s: DayCloseSettings): SettingsForm {
  return {
    threshold: formatMoney(s.differenceThreshold),
    // one decimal, as the form takes it (the API would store more)
    targets: Object.fromEntries(s.bcciTargets.map((x) => [x.level, String(Math.round(x.percent * 10) / 10).replace('.', ',')])),
    blockOn: [...s.blockOn],
  };
}

/** "85", "62,5", "62.5 %" → a per cent from 0 to 100 (one decimal at most); null otherwise. */
export function parsePercent(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d)?$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}

/** The form → the configuration to save, or the problems by field (THRESHOLD_FIELD, targetField(level)). */
export function checkSettings(form: SettingsForm, levels: readonly string[]): { value?: DayCloseConfig; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const threshold = parseAmount(form.threshold);
  if (threshold === null || threshold < 0 || threshold > MAX_THRESHOLD) errors[THRESHOLD_FIELD] = t('ui.dcSettings.err.threshold', { max: formatMoney(MAX_THRESHOLD) });
  const bcciTargets: DayCloseConfig['bcciTargets'] = [];
  for (const level of levels) {
    const text = (form.targets[level] ?? '').trim();
    if (!text) continue;
    const percent = parsePercent(text);
    if (percent === null) errors[targetField(level)] = t('ui.dcSettings.err.target');
    else bcciTargets.push({ level, percent });
  }
  if (Object.keys(errors).length || threshold === null) return { errors };
  // the same order as the groups are listed in, whatever order they were ticked in
  const blockOn = PENDING_GROUPS.filter((g) => form.blockOn.includes(g));
  return { value: { differenceThreshold: threshold, bcciTargets, blockOn }, errors };
}

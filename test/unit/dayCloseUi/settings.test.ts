import { describe, expect, it } from 'vitest';
import { checkSettings, parsePercent, settingsForm, settingsLevels, targetField, THRESHOLD_FIELD } from '../../../renderer/features/dayClose/settingsModel';

const SETTINGS = {
  differenceThreshold: 50000,
  bcciTargets: [
    { level: 'Cấp Tỉnh', percent: 85 },
    { level: 'Cấp Huyện', percent: 70 },
  ],
  blockOn: ['printJobs', 'openShifts'] as ('printJobs' | 'openShifts')[],
  levels: ['Cấp Xã', 'Cấp Tỉnh', 'Trung ương'],
};

describe('the day-close settings form', () => {
  it('lists the catalogue levels, then a level that has a target but left the catalogue', () => {
    expect(settingsLevels(SETTINGS)).toEqual([
      { level: 'Cấp Xã', inCatalogue: true },
      { level: 'Cấp Tỉnh', inCatalogue: true },
      { level: 'Trung ương', inCatalogue: true },
      { level: 'Cấp Huyện', inCatalogue: false },
    ]);
  });

  it('shows the amounts as a clerk writes them and saves what was shown unchanged', () => {
    const form = settingsForm(SETTINGS);
    expect(form.threshold).toBe('50.000');
    expect(form.targets).toEqual({ 'Cấp Tỉnh': '85', 'Cấp Huyện': '70' });
    const levels = settingsLevels(SETTINGS).map((l) => l.level);
    expect(checkSettings(form, levels).value).toEqual({ differenceThreshold: 50000, bcciTargets: SETTINGS.bcciTargets, blockOn: ['printJobs', 'openShifts'] });
  });

  it('saves a blank target as none, a decimal comma, and the blocking groups in their listed order', () => {
    const value = checkSettings({ threshold: '100 000 đ', targets: { 'Cấp Xã': '62,5', 'Cấp Tỉnh': ' ', 'Trung ương': '40 %' }, blockOn: ['openShifts', 'printJobs'] }, ['Cấp Xã', 'Cấp Tỉnh', 'Trung ương']).value;
    expect(value).toEqual({
      differenceThreshold: 100000,
      bcciTargets: [
        { level: 'Cấp Xã', percent: 62.5 },
        { level: 'Trung ương', percent: 40 },
      ],
      blockOn: ['printJobs', 'openShifts'],
    });
  });

  it('refuses a bad threshold or target on its own field and sends nothing', () => {
    const r = checkSettings({ threshold: '-1', targets: { 'Cấp Xã': '101', 'Cấp Tỉnh': 'tám lăm' }, blockOn: [] }, ['Cấp Xã', 'Cấp Tỉnh']);
    expect(r.value).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual([THRESHOLD_FIELD, targetField('Cấp Tỉnh'), targetField('Cấp Xã')].sort());
    expect(r.errors[THRESHOLD_FIELD]).toMatch(/từ 0 đến 100\.000\.000 đ/);
    expect(checkSettings({ threshold: '200.000.000', targets: {}, blockOn: [] }, []).errors[THRESHOLD_FIELD]).toBeTruthy();
  });

  it('reads per cents from 0 to 100 with one decimal at most', () => {
    expect(parsePercent('85')).toBe(85);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('100,1')).toBeNull();
    expect(parsePercent('12,34')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });
});

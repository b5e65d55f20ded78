import { describe, expect, it } from 'vitest';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { emptyIntake, intakeReducer, type IntakeAction, type IntakeList } from '../../../renderer/features/results/intakeList';

function dossier(id: number, statusAt = `2026-03-0${id}T02:00:00.000Z`): DossierSummary {
  return {
    id,
    code: `000.00.53.H48-260301-000${id}`,
    itemNumber: null,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    agency: 'UBND phường Nha Trang',
    service: 'both',
    applicantName: `Nguyễn Văn ${id}`,
    applicantIdTail: null,
    applicantPhone: null,
    deliveryKind: 'pickup_here',
    deliveryText: 'Nhận tại điểm giao dịch này',
    originals: 1,
    copies: 0,
    agencyFees: 0,
    amountDue: 0,
    receivedAt: '2026-03-01T02:00:00.000Z',
    resultDate: '2026-03-10',
    status: 'result_received',
    statusLabel: 'Kết quả đã về',
    statusAt,
    overdue: false,
  };
}

const run = (...actions: IntakeAction[]): IntakeList => actions.reduce(intakeReducer, emptyIntake);
const scanned = (id: number, outcome: 'received' | 'already', at = `2026-03-05T0${id}:00:00.000Z`): Extract<IntakeAction, { type: 'scanned' }> => ({
  type: 'scanned',
  outcome,
  dossier: dossier(id),
  next: 'Giữ tại quầy',
  at,
});

describe('the running list of results taken in', () => {
  it('puts each new scan on top and counts it', () => {
    const list = run(scanned(1, 'received'), scanned(2, 'received'), scanned(3, 'received'));
    expect(list.entries.map((e) => e.dossier.id)).toEqual([3, 2, 1]);
    expect(list.count).toBe(3);
    expect(list.entries[0]).toMatchObject({ next: 'Giữ tại quầy', counted: true, repeat: false });
  });

  it('shows a repeat as a warning on top without counting it twice', () => {
    const list = run(scanned(1, 'received'), scanned(2, 'received'), { ...scanned(1, 'already'), next: 'Đã nhận trước đó' });
    expect(list.entries.map((e) => e.dossier.id)).toEqual([1, 2]);
    expect(list.count).toBe(2);
    expect(list.entries[0]).toMatchObject({ repeat: true, counted: true, next: 'Giữ tại quầy' });
  });

  it('does not count a result taken in on another day', () => {
    const list = run(scanned(1, 'received'), { ...scanned(4, 'already'), next: 'Đã nhận trước đó' });
    expect(list.count).toBe(1);
    expect(list.entries[0]).toMatchObject({ repeat: true, counted: false, next: 'Đã nhận trước đó' });
  });

  it("fills in today's results, newest first, below scans that came before them", () => {
    const list = run(scanned(3, 'received'), { type: 'loaded', dossiers: [dossier(1), dossier(2), dossier(3)] });
    expect(list.entries.map((e) => e.dossier.id)).toEqual([3, 2, 1]);
    expect(list.count).toBe(3);
    expect(list.entries[1]).toMatchObject({ next: null, counted: true });
  });

  it('counts a return-only result registered here', () => {
    const list = run({ type: 'loaded', dossiers: [dossier(1)] }, { type: 'registered', dossier: dossier(2), next: null, at: '2026-03-05T09:00:00.000Z' });
    expect(list.count).toBe(2);
    expect(list.entries[0].dossier.id).toBe(2);
  });
});

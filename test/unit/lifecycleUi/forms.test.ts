import { describe, expect, it } from 'vitest';
import { checkOutcome, emptyOutcome } from '../../../renderer/features/delivery/outcomeForm';
import { checkAgencyReceipt } from '../../../renderer/features/handover/receiptForm';
import { parseMoney } from '../../../renderer/features/lifecycle/format';
import { checkRegister, type RegisterForm } from '../../../renderer/features/results/registerForm';
import { checkAgencyRequest } from '../../../renderer/features/tracking/requestForm';

describe('agency receipt form', () => {
  const dossiers = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('sends nothing while the receiver or a refusal reason is missing, and says why', () => {
    const r = checkAgencyReceipt(7, ' ', dossiers, { 2: { resultDate: '', refuse: true, reason: '' } }, false);
    expect(r.value).toBeUndefined();
    expect(r.errors.receiver).toBe('Bắt buộc nhập.');
    expect(r.errors['2.reason']).toMatch(/lý do từ chối/i);
  });
  it('reads new result dates day first and ignores the date of a refused dossier', () => {
    const r = checkAgencyReceipt(
      7,
      'Trần Thị B',
      dossiers,
      { 1: { resultDate: '15/4/2026', refuse: false, reason: '' }, 2: { resultDate: '20/04/2026', refuse: true, reason: 'Sai thẩm quyền' } },
      true,
    );
    expect(r.value).toEqual({
      manifestId: 7,
      receiverName: 'Trần Thị B',
      resultDates: [{ dossierId: 1, resultDate: '2026-04-15' }],
      refused: [{ dossierId: 2, reason: 'Sai thẩm quyền' }],
      feesHandedOver: true,
    });
  });
  it('refuses a date that does not exist', () => {
    expect(checkAgencyReceipt(7, 'Trần Thị B', dossiers, { 3: { resultDate: '31/02/2026', refuse: false, reason: '' } }, false).errors['3.resultDate']).toBeTruthy();
  });
});

describe('delivery outcome form', () => {
  it('asks which outcome first', () => {
    expect(checkOutcome(emptyOutcome(), '2026-03-05').errors.kind).toBeTruthy();
  });
  it('needs the receiver and the relation for a delivery', () => {
    const r = checkOutcome({ ...emptyOutcome(), kind: 'delivered', receiverName: 'Lê C' }, '2026-03-05');
    expect(r.value).toBeUndefined();
    expect(Object.keys(r.errors)).toEqual(['relation']);
  });
  it('takes a next attempt from today on, not before', () => {
    const base = { ...emptyOutcome(), kind: 'failed' as const, reason: 'Không có người nhận' };
    expect(checkOutcome({ ...base, nextAttempt: '04/03/2026' }, '2026-03-05').errors.nextAttempt).toBeTruthy();
    expect(checkOutcome({ ...base, nextAttempt: '06/03/2026' }, '2026-03-05').value).toEqual({ kind: 'failed', reason: 'Không có người nhận', nextAttempt: '2026-03-06' });
    expect(checkOutcome({ ...base }, '2026-03-05').value).toEqual({ kind: 'failed', reason: 'Không có người nhận' });
  });
});

describe('agency request form', () => {
  it('splits the items one per line and drops blank lines', () => {
    const r = checkAgencyRequest(4, 'supplement', 'Thiếu giấy tờ', 'Bản sao giấy khai sinh\n\n  Ảnh 3x4  \n', ' 12/UBND ');
    expect(r.value).toEqual({ dossierId: 4, kind: 'supplement', reason: 'Thiếu giấy tờ', items: ['Bản sao giấy khai sinh', 'Ảnh 3x4'], reference: '12/UBND' });
  });
  it('needs at least one item for a supplement, none for a refusal', () => {
    expect(checkAgencyRequest(4, 'supplement', 'Thiếu giấy tờ', '  ', '').errors.items).toBeTruthy();
    expect(checkAgencyRequest(4, 'refusal', 'Không đủ điều kiện', 'ignored', '').value).toEqual({ dossierId: 4, kind: 'refusal', reason: 'Không đủ điều kiện', items: [] });
  });
});

describe('return-only result form', () => {
  const form: RegisterForm = {
    idempotencyKey: 'key-12345678',
    procedureCode: '1.001193',
    agencyDossierCode: '',
    fullName: 'Phạm Văn D',
    phone: '0905 123 456',
    idNumber: '',
    delivery: { kind: 'pickup_here', province: '', commune: '', street: '', pointName: '' },
    amountDue: '25.000',
  };
  it('builds the input with the phone normalised and the amount in đồng', () => {
    expect(checkRegister(form).value).toEqual({
      idempotencyKey: 'key-12345678',
      procedureCode: '1.001193',
      applicant: { fullName: 'Phạm Văn D', phone: '0905123456' },
      delivery: { kind: 'pickup_here' },
      amountDue: 25000,
    });
  });
  it('sends nothing half filled', () => {
    const r = checkRegister({ ...form, procedureCode: '', phone: '123', idNumber: '0791', amountDue: '', delivery: { ...form.delivery, kind: 'address' } });
    expect(r.value).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(['amountDue', 'delivery.commune', 'delivery.province', 'delivery.street', 'idNumber', 'phone', 'procedure']);
  });
  it('reads money as the clerk types it', () => {
    expect(parseMoney('25.000')).toBe(25000);
    expect(parseMoney('0')).toBe(0);
    expect(parseMoney('12,5')).toBeNull();
    expect(parseMoney('10.000.001')).toBeNull();
  });
});

import type { ConfirmInput } from '../../shared/api/reception';
import type { Procedure } from '../../shared/catalogue/schema';
import type { App } from '../../main/app/compose';
import type { CallContext } from '../../main/services/context';

/** Answers of a complete dossier: every condition "no", the first of each alternative group, each item in its required form. */
export function completeAnswers(p: Procedure): ConfirmInput['answers'] {
  const conditions: Record<string, boolean> = {};
  const items: ConfirmInput['answers']['items'] = {};
  const groups = new Set<string>();
  p.documents.forEach((d, i) => {
    if (d.kind === 'conditional') {
      conditions[d.condition as string] = false;
      return;
    }
    if (d.kind === 'alternative') {
      if (groups.has(d.group as string)) return;
      groups.add(d.group as string);
    }
    if (d.kind === 'optional') return;
    items[String(i)] = { presented: true, form: d.form, originals: d.originals, copies: d.copies };
  });
  return { conditions, items };
}

export const APPLICANT: ConfirmInput['applicant'] = {
  idNumber: '079190001234',
  fullName: 'Đặng Thị Hồng Nhung',
  dateOfBirth: '1990-05-12',
  sex: 'female',
  address: 'Số 15 Lê Duẩn, phường Tuy Hòa, tỉnh Đắk Lắk',
  phone: '0905123456',
};

/** A confirm request for a procedure of the current catalogue, complete, paid in cash, result by post. */
export function confirmInput(app: App, code: string, key: string, over: Partial<ConfirmInput> = {}): ConfirmInput {
  const p = app.services.catalogue.get(code);
  const lePhiTier = p.lePhi.kind === 'tiers' ? p.lePhi.tiers[0].label : undefined;
  const phiTier = p.phi.kind === 'tiers' ? p.phi.tiers[0].label : undefined;
  return {
    procedureCode: code,
    versionId: p.versionId,
    service: 'both',
    fees: { phiTier, lePhiTier },
    postal: { zoneId: app.services.reception.config().tariff.zones[0].id, grams: 200 },
    idempotencyKey: key,
    answers: completeAnswers(p),
    applicant: APPLICANT,
    delivery: { kind: 'address', province: 'Đắk Lắk', commune: 'Phường Tuy Hòa', street: 'Số 15 Lê Duẩn' },
    payment: 'cash',
    ...over,
  };
}

/** A point needs item numbers from Vietnam Post before it can send dossiers. */
export function allocateItemNumbers(app: App, manager: CallContext, start = 12_345_000, end = 12_345_999): void {
  app.services.reception.addS10Range(manager, { prefix: 'EA', country: 'VN', startSerial: start, endSerial: end });
}

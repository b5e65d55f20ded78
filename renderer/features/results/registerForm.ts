import { phoneSchema } from '../../../shared/api/reception';
import type { RegisterResultInput } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { parseMoney } from '../lifecycle/format';
import { checkDelivery, type DeliveryForm, type FieldErrors, type UnitLists } from '../reception/model';

/** "Kết quả chỉ chuyển trả" as typed. */
export interface RegisterForm {
  idempotencyKey: string;
  procedureCode: string;
  agencyDossierCode: string;
  fullName: string;
  phone: string;
  idNumber: string;
  delivery: DeliveryForm;
  amountDue: string;
}

/** The form → `results.register`'s input, or Vietnamese errors by field name (as `data-field`). */
export function checkRegister(f: RegisterForm, units?: UnitLists): { value?: RegisterResultInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!f.procedureCode.trim()) errors.procedure = t('ui.results.err.procedure');
  const name = f.fullName.trim();
  if (!name) errors.fullName = t('field.required');
  else if (name.length < 2) errors.fullName = t('field.tooShort', { min: 2 });
  const phone = phoneSchema.safeParse(f.phone);
  if (!f.phone.trim()) errors.phone = t('field.required');
  else if (!phone.success) errors.phone = t('recv.err.phone');
  const idNumber = f.idNumber.trim();
  if (idNumber && !/^\d{12}$/.test(idNumber)) errors.idNumber = t('recv.err.idNumber');
  const d = checkDelivery(f.delivery, units);
  for (const [k, v] of Object.entries(d.errors)) errors[`delivery.${k}`] = v;
  const amount = parseMoney(f.amountDue);
  if (!f.amountDue.trim()) errors.amountDue = t('field.required');
  else if (amount === null) errors.amountDue = t('ui.results.err.amount');
  const code = f.agencyDossierCode.trim();
  if (code.length > 60) errors.agencyDossierCode = t('field.tooLong', { max: 60 });
  if (Object.keys(errors).length > 0 || !phone.success || !d.value || amount === null) return { errors };
  return {
    value: {
      idempotencyKey: f.idempotencyKey,
      procedureCode: f.procedureCode.trim(),
      ...(code ? { agencyDossierCode: code } : {}),
      applicant: { fullName: name, phone: phone.data, ...(idNumber ? { idNumber } : {}) },
      delivery: d.value,
      amountDue: amount,
    },
    errors,
  };
}

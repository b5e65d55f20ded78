import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, Session } from '../../main/services/context';
import { ApiError } from '../../shared/api/errors';
import { call, POINT, setUpAndSignIn, testApp, type TestApp } from '../support/app';
import { allocateItemNumbers, confirmInput } from '../support/reception';

/** The current administrative units (34 provinces, two levels since 1/7/2025) and the check on a delivery address. */
let app: TestApp;
let manager: CallContext;
const session = (ctx: CallContext) => ctx.session as Session;

beforeAll(async () => {
  app = testApp();
  manager = await setUpAndSignIn(app);
  allocateItemNumbers(app, manager);
});
afterAll(async () => {
  await app.dispose();
});

describe('administrative units', () => {
  it('lists the 34 provinces in Vietnamese order, names as the data writes them', async () => {
    const reply = await call(app, manager, 'units.provinces', {});
    expect(reply).toMatchObject({ ok: true });
    const provinces = (reply as { value: { code: string; name: string }[] }).value;
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    const names = provinces.map((p) => p.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(names).toEqual(expect.arrayContaining(['Thành phố Hà Nội', 'Thành phố Hồ Chí Minh', 'Khánh Hòa', 'Đắk Lắk']));
    // the test point's province is one of them
    expect(app.services.units.findProvince(POINT.province)).toEqual({ code: '56', name: 'Khánh Hòa' });
  });

  it('lists the communes of one province only', async () => {
    const reply = (await call(app, manager, 'units.communes', { provinceCode: '56' })) as { ok: boolean; value: { code: string; name: string }[] };
    expect(reply.ok).toBe(true);
    const names = reply.value.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Phường Nha Trang', 'Phường Phan Rang', 'Đặc khu Trường Sa']));
    expect(names).not.toContain('Phường Tuy Hòa');
    expect(names.every((n) => /^(Phường|Xã|Đặc khu) /.test(n))).toBe(true);
    expect(app.services.units.communes('66').map((c) => c.name)).toContain('Phường Tuy Hòa');
    // all the country's communes, once each
    const all = app.services.units.provinces().flatMap((p) => app.services.units.communes(p.code));
    expect(all).toHaveLength(3321);
    expect(await call(app, manager, 'units.communes', { provinceCode: '99' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(app, manager, 'units.communes', { provinceCode: 'KH' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('finds a commune with or without diacritics, case and prefix, and gives the data spelling', () => {
    const expected = { province: { code: '66', name: 'Đắk Lắk' }, commune: { code: '22015', name: 'Phường Tuy Hòa' } };
    expect(app.services.units.findCommune('Đắk Lắk', 'Phường Tuy Hòa')).toEqual(expected);
    expect(app.services.units.findCommune('dak lak', 'phuong tuy hoa')).toEqual(expected);
    expect(app.services.units.findCommune('Tỉnh Đắk Lắk', 'TUY HOÀ')).toEqual(expected);
    expect(app.services.units.findCommune('khanh hoa', 'nha trang')).toMatchObject({ commune: { name: 'Phường Nha Trang' } });
    expect(app.services.units.findCommune('TP. Hồ Chí Minh', 'P. Gò Vấp')).toMatchObject({ province: { name: 'Thành phố Hồ Chí Minh' }, commune: { name: 'Phường Gò Vấp' } });
    // not in that province, or not at all
    expect(app.services.units.findCommune('Khánh Hòa', 'Phường Tuy Hòa')).toBeNull();
    expect(app.services.units.findCommune('Phú Yên', 'Phường Tuy Hòa')).toBeNull();
    // diacritics decide between "Xã Ba Tơ" and "Xã Ba Tô"; without them it is ambiguous
    expect(app.services.units.findCommune('Quảng Ngãi', 'Ba Tô')).toMatchObject({ commune: { name: 'Xã Ba Tô' } });
    expect(app.services.units.findCommune('Quảng Ngãi', 'ba to')).toBeNull();
  });

  it('confirm refuses a commune that is not the province\'s own and stores the canonical names', () => {
    const wrong = confirmInput(app, '3.000333', 'units-wrong-1', { delivery: { kind: 'address', province: 'Khánh Hòa', commune: 'Phường Tuy Hòa', street: 'Số 15 Lê Duẩn' } });
    let error: unknown;
    try {
      app.services.reception.confirm(manager, session(manager), wrong);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as ApiError).message).toMatch(/"Phường Tuy Hòa" không phải là xã \/ phường \/ đặc khu của "Khánh Hòa"/);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM dossier').get()).toEqual({ n: 0 });

    const loose = confirmInput(app, '3.000333', 'units-loose-1', { delivery: { kind: 'address', province: 'tinh khanh hoa', commune: 'nha trang', street: 'Số 1 Trần Phú' } });
    const { dossier } = app.services.reception.confirm(manager, session(manager), loose);
    const row = app.db.prepare('SELECT delivery FROM dossier WHERE id = ?').get(dossier.id) as { delivery: string };
    expect(JSON.parse(row.delivery)).toEqual({ kind: 'address', province: 'Khánh Hòa', commune: 'Phường Nha Trang', street: 'Số 1 Trần Phú' });
  });
});

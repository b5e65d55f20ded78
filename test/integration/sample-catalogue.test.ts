import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFileSchema } from '../../shared/catalogue/schema';
import { foldVietnamese } from '../../shared/text/fold';
import { testApp, type TestApp } from '../support/app';
import { repoRoot } from '../support/temp';

const file = catalogueFileSchema.parse(
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'catalogue', 'sample-catalogue.json'), 'utf8')),
);
let app: TestApp;
beforeAll(() => {
  app = testApp();
});
afterAll(() => app.dispose());

const firstHit = (q: string) => app.services.catalogue.search(q, {}, 5).items[0];

describe('the shipped sample catalogue', () => {
  it('holds at least 40 real procedures, each with documents, fees and a dated source', () => {
    expect(file.procedures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(file.procedures.map((p) => p.code)).size).toBe(file.procedures.length);
    for (const p of file.procedures) {
      expect(p.documents.length, p.code).toBeGreaterThan(0);
      expect(p.source?.name, p.code).toBeTruthy();
      expect(p.source?.date, p.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.name.normalize('NFC'), p.code).toBe(p.name);
    }
  });

  it('spans the fields a post-office counter sees', () => {
    const fields = new Set(file.procedures.map((p) => foldVietnamese(p.field)));
    const has = (word: string) => [...fields].some((f) => f.includes(word));
    for (const word of ['ho tich', 'cu tru', 'can cuoc', 'ly lich tu phap', 'chung thuc', 'duong bo', 'dat dai', 'xay dung', 'ho kinh doanh']) {
      expect(has(word), word).toBe(true);
    }
    const social = file.procedures.some((p) => /bao tro xa hoi|nguoi co cong|khuyet tat/.test(foldVietnamese(`${p.field} ${p.name}`)));
    const education = file.procedures.some((p) => /giao duc|van bang/.test(foldVietnamese(`${p.field} ${p.name}`)));
    expect(social && education).toBe(true);
  });

  it('has at least two procedures that are not accepted via BCCI', () => {
    expect(file.procedures.filter((p) => !p.bcciReceive).length).toBeGreaterThanOrEqual(2);
  });

  it('is loaded on first run as catalogue version 1', () => {
    expect(app.services.catalogue.versions()).toMatchObject([{ id: 1, mode: 'sample', procedureCount: file.procedures.length, current: true }]);
  });

  it('finds the required procedures first, typed with or without diacritics', () => {
    const cases: [string, RegExp][] = [
      ['khai sinh', /đăng ký khai sinh/i],
      ['dang ky khai sinh', /đăng ký khai sinh/i],
      ['đăng ký kết hôn', /đăng ký kết hôn/i],
      ['dang ky ket hon', /đăng ký kết hôn/i],
      ['khai tu', /khai tử/i],
      ['ly lich tu phap', /lý lịch tư pháp/i],
      ['giay phep lai xe', /giấy phép lái xe/i],
      ['doi giay phep lai xe', /^đổi giấy phép lái xe/i],
      ['ho kinh doanh', /hộ kinh doanh/i],
      ['giay phep xay dung', /giấy phép xây dựng/i],
      ['cap doi giay chung nhan', /cấp đổi giấy chứng nhận/i],
      ['chung thuc chu ky', /chứng thực chữ ký/i],
    ];
    for (const [query, expected] of cases) expect(firstHit(query)?.name, query).toMatch(expected);
  });

  it('finds a procedure by its code, whole or without its prefix, and folds đ/d', () => {
    expect(firstHit('1.001193')?.code).toBe('1.001193');
    expect(firstHit('001193')?.code).toBe('1.001193');
    const land = file.procedures.find((p) => p.code.includes('.H19')) as { code: string };
    expect(firstHit(land.code)?.code).toBe(land.code);
    expect(firstHit('đăng ký khai tử')?.code).toBe(firstHit('dang ky khai tu')?.code);
    expect(firstHit('Đổi giấy phép lái xe')?.code).toBe(firstHit('doi giay phep lai xe')?.code);
  });
});

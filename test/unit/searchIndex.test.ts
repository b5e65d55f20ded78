import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../main/services/catalogue/searchIndex';
import type { ProcedureSummary } from '../../shared/api/contract';

const p = (code: string, name: string, extra: Partial<ProcedureSummary> = {}): ProcedureSummary => ({
  code,
  name,
  field: 'Hộ tịch',
  level: 'Cấp Xã',
  agency: 'Ủy ban nhân dân cấp xã',
  bcciReceive: true,
  bcciReturn: true,
  processingDays: 1,
  ...extra,
});

const index = new SearchIndex([
  p('1.001193', 'Thủ tục đăng ký khai sinh'),
  p('1.001695', 'Thủ tục đăng ký lại khai sinh'),
  p('1.004884', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài'),
  p('1.000894', 'Thủ tục đăng ký kết hôn'),
  p('1.000656', 'Thủ tục đăng ký khai tử'),
  p('1.002804', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', { field: 'Đường bộ', level: 'Cấp Tỉnh', agency: 'Sở Xây dựng' }),
  p('1.002835', 'Cấp lại giấy phép lái xe', { field: 'Đường bộ', level: 'Cấp Tỉnh', agency: 'Sở Xây dựng' }),
  p('2.000815', 'Chứng thực chữ ký trong các giấy tờ, văn bản', { field: 'Chứng thực', bcciReceive: false, bcciReturn: false }),
  p('1.001612.000.00.00.H48', 'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ', { field: 'Xây dựng' }),
]);
const first = (q: string, f = {}) => index.search(q, f).items[0]?.code;

describe('catalogue search', () => {
  it('finds names typed with or without diacritics', () => {
    expect(first('khai sinh')).toBe('1.001193');
    expect(first('đăng ký kết hôn')).toBe('1.000894');
    expect(first('dang ky ket hon')).toBe('1.000894');
    expect(first('DANG KY KET HON')).toBe('1.000894');
    expect(['1.002804', '1.002835']).toContain(first('giay phep lai xe'));
  });

  it('folds đ to d both ways', () => {
    expect(first('đổi giấy phép')).toBe('1.002804');
    expect(first('doi giay phep')).toBe('1.002804');
    expect(first('dăng ky khai tu')).toBe('1.000656');
  });

  it('finds part of a word and the last word still being typed', () => {
    expect(first('khai t')).toBe('1.000656');
    expect(first('ket ho')).toBe('1.000894');
    expect(index.search('xay').items.map((i) => i.code)).toContain('1.001612.000.00.00.H48');
  });

  it('puts an exact code first, and finds codes without their prefix', () => {
    expect(first('1.001193')).toBe('1.001193');
    expect(first('001193')).toBe('1.001193');
    expect(first('1.001612')).toBe('1.001612.000.00.00.H48');
    expect(first('1.001612.000.00.00.H48')).toBe('1.001612.000.00.00.H48');
  });

  it('requires every word of the query', () => {
    expect(index.search('khai sinh ket hon').total).toBe(0);
    expect(index.search('zzz').total).toBe(0);
  });

  it('applies filters', () => {
    expect(index.search('', { receive: false }).items.map((i) => i.code)).toEqual(['2.000815']);
    expect(index.search('giay phep', { field: 'Xây dựng' }).items.map((i) => i.code)).toEqual(['1.001612.000.00.00.H48']);
    expect(index.search('', { level: 'Cấp Tỉnh' }).total).toBe(2);
  });

  it('lists everything in code order for an empty query', () => {
    const all = index.search('', {}, 100).items.map((i) => i.code);
    expect(all).toHaveLength(9);
    expect([...all].sort()).toEqual(all);
  });
});

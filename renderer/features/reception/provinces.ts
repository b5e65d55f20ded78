import { foldVietnamese } from '../../../shared/text/fold';

/**
 * The 34 provincial-level units since the 2025 reform (Nghị quyết 202/2025/QH15, in force
 * 12/6/2025; two-level local government from 1/7/2025): 6 centrally-run cities and 28 provinces,
 * as the result-delivery address asks for them. Names as published; data, not messages.
 * A further reform changes this list (and only this list).
 */
export const PROVINCES_2025: readonly string[] = [
  'Thành phố Hà Nội',
  'Thành phố Huế',
  'Thành phố Hải Phòng',
  'Thành phố Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Thành phố Cần Thơ',
  'Tỉnh An Giang',
  'Tỉnh Bắc Ninh',
  'Tỉnh Cà Mau',
  'Tỉnh Cao Bằng',
  'Tỉnh Đắk Lắk',
  'Tỉnh Điện Biên',
  'Tỉnh Đồng Nai',
  'Tỉnh Đồng Tháp',
  'Tỉnh Gia Lai',
  'Tỉnh Hà Tĩnh',
  'Tỉnh Hưng Yên',
  'Tỉnh Khánh Hòa',
  'Tỉnh Lai Châu',
  'Tỉnh Lâm Đồng',
  'Tỉnh Lạng Sơn',
  'Tỉnh Lào Cai',
  'Tỉnh Nghệ An',
  'Tỉnh Ninh Bình',
  'Tỉnh Phú Thọ',
  'Tỉnh Quảng Ngãi',
  'Tỉnh Quảng Ninh',
  'Tỉnh Quảng Trị',
  'Tỉnh Sơn La',
  'Tỉnh Tây Ninh',
  'Tỉnh Thái Nguyên',
  'Tỉnh Thanh Hóa',
  'Tỉnh Tuyên Quang',
  'Tỉnh Vĩnh Long',
];

const bare = (name: string) =>
  foldVietnamese(name)
    .replace(/^(thanh pho|tinh|tp\.?)\s+/, '')
    .trim();

/** The list's entry for a free-text province ("Khánh Hòa", "TP. Hồ Chí Minh"), or '' when none matches. */
export function matchProvince(text: string | undefined): string {
  if (!text) return '';
  const wanted = bare(text);
  return PROVINCES_2025.find((p) => bare(p) === wanted) ?? '';
}

import { describe, expect, it } from 'vitest';
import { foldVietnamese, headerKey } from '../../shared/text/fold';

describe('foldVietnamese', () => {
  it('removes every tone and vowel mark and folds đ to d', () => {
    expect(foldVietnamese('Đăng ký kết hôn')).toBe('dang ky ket hon');
    expect(foldVietnamese('GIẤY PHÉP LÁI XE')).toBe('giay phep lai xe');
    expect(foldVietnamese('ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ đĐ')).toBe(
      'aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy dd',
    );
  });

  it('treats composed and decomposed input alike', () => {
    expect(foldVietnamese('Khai sinh'.normalize('NFD'))).toBe(foldVietnamese('Khai sinh'));
    expect(foldVietnamese('Hộ tịch'.normalize('NFD'))).toBe('ho tich');
  });

  it('keeps dots inside codes but not around words', () => {
    expect(foldVietnamese('1.001193')).toBe('1.001193');
    expect(foldVietnamese('  Hộ tịch.  ')).toBe('ho tich');
    expect(foldVietnamese('(cấp xã), huyện…')).toBe('cap xa huyen');
  });

  it('matches sheet headers regardless of case, marks and spaces', () => {
    expect(headerKey(' Mã TTHC ')).toBe(headerKey('ma tthc'));
    expect(headerKey('Thời hạn giải quyết (ngày làm việc)')).toBe(headerKey('THOI HAN GIAI QUYET (NGAY LAM VIEC)'));
  });
});

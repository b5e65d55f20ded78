import type { z } from 'zod';

/** zod's issues in words a clerk or an IT person reads (the field path is added by the caller). */
export function zodIssueVi(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'thiếu giá trị bắt buộc' : `sai kiểu dữ liệu (cần ${typeVi(issue.expected)})`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'không được để trống'
          : `cần ít nhất ${issue.minimum} ký tự`
        : issue.origin === 'array'
          ? `cần ít nhất ${issue.minimum} mục`
          : `phải từ ${issue.minimum} trở lên`;
    case 'too_big':
      return issue.origin === 'string'
        ? `tối đa ${issue.maximum} ký tự`
        : issue.origin === 'array'
          ? `tối đa ${issue.maximum} mục`
          : `không được vượt quá ${issue.maximum}`;
    case 'invalid_format':
      return 'không đúng định dạng';
    case 'invalid_value':
      return `giá trị không hợp lệ (chọn một trong: ${issue.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return `trường không được phép: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'giá trị không khớp dạng nào được chấp nhận';
    case 'custom':
      return CUSTOM_VI[issue.message] ?? issue.message;
    default:
      return issue.message;
  }
}

const CUSTOM_VI: Record<string, string> = {
  'conditional document needs a condition question': 'giấy tờ "Điều kiện" cần câu hỏi điều kiện',
  'alternative document needs a group name': 'giấy tờ "Thay thế" cần tên nhóm',
  'at least one original or copy': 'cần ít nhất một bản chính hoặc bản sao',
};

function typeVi(expected: string): string {
  return (
    { string: 'chuỗi ký tự', number: 'số', boolean: 'có/không', object: 'đối tượng', array: 'danh sách', int: 'số nguyên' } as Record<
      string,
      string
    >
  )[expected] ?? expected;
}

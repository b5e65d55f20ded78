/**
 * Every Vietnamese string the clerk reads comes from here (UI, errors, CLI,
 * reports). Placeholders are written {name} and filled by `t`.
 */
export const vi = {
  // App
  'app.title': 'BCCI Counter — Tiếp nhận hồ sơ và trả kết quả qua bưu chính công ích',
  'app.shortTitle': 'BCCI Counter',
  'app.connecting': 'Đang kết nối tới máy chủ ứng dụng…',
  'app.disconnected': 'Mất kết nối tới máy chủ ứng dụng. Đang thử kết nối lại…',
  'app.noToken': 'Thiếu mã phiên trong địa chỉ. Hãy mở ứng dụng bằng lệnh npm start hoặc đường dẫn nó in ra.',
  'app.loading': 'Đang tải…',

  // Errors (stable codes → message)
  'error.VALIDATION': 'Dữ liệu gửi lên không hợp lệ: {detail}',
  'error.UNKNOWN_METHOD': 'Chức năng "{method}" không tồn tại.',
  'error.BAD_REQUEST': 'Yêu cầu không đúng định dạng.',
  'error.UNAUTHENTICATED': 'Bạn chưa đăng nhập hoặc phiên đã hết. Vui lòng đăng nhập lại.',
  'error.LOCKED': 'Phiên làm việc đã bị khóa do không hoạt động. Nhập mật khẩu để mở khóa.',
  'error.FORBIDDEN': 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  'error.NOT_FOUND': 'Không tìm thấy {what}.',
  'error.CONFLICT': '{detail}',
  'error.SETUP_REQUIRED': 'Ứng dụng chưa được thiết lập. Hãy hoàn tất màn hình thiết lập lần đầu.',
  'error.SETUP_DONE': 'Ứng dụng đã được thiết lập trước đó.',
  'error.BAD_CREDENTIALS': 'Tên đăng nhập hoặc mật khẩu không đúng.',
  'error.ACCOUNT_DISABLED': 'Tài khoản này đã bị khóa. Liên hệ trưởng bưu cục.',
  'error.IMPORT_INVALID': 'Tệp nhập có {count} lỗi; danh mục không thay đổi.',
  'error.INTERNAL': 'Lỗi hệ thống không mong muốn. Thao tác chưa được thực hiện; hãy thử lại hoặc báo bộ phận CNTT.',
  'error.DB_NEWER': 'Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản CSDL {found}, ứng dụng hỗ trợ tới {supported}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
  'error.TIMEOUT': 'Máy chủ ứng dụng không trả lời kịp. Hãy thử lại.',

  // Roles
  'role.clerk': 'Giao dịch viên',
  'role.manager': 'Trưởng bưu cục',
  'role.admin': 'Quản trị hệ thống',

  // Point kinds
  'pointKind.transaction_point': 'Điểm giao dịch bưu điện',
  'pointKind.service_center': 'Quầy bưu điện tại Trung tâm phục vụ hành chính công',

  // Setup
  'setup.title': 'Thiết lập lần đầu',
  'setup.intro': 'Khai báo điểm giao dịch và tạo tài khoản trưởng bưu cục đầu tiên.',
  'setup.point': 'Điểm giao dịch',
  'setup.pointCode': 'Mã điểm giao dịch',
  'setup.pointCodeHint': 'Chữ in hoa, số, dấu chấm hoặc gạch ngang, ví dụ 560000 hoặc BD-VHX-01',
  'setup.pointName': 'Tên điểm giao dịch',
  'setup.province': 'Tỉnh / thành phố',
  'setup.commune': 'Xã / phường / đặc khu',
  'setup.kind': 'Loại điểm',
  'setup.manager': 'Tài khoản trưởng bưu cục',
  'setup.fullName': 'Họ và tên',
  'setup.username': 'Tên đăng nhập',
  'setup.password': 'Mật khẩu',
  'setup.passwordAgain': 'Nhập lại mật khẩu',
  'setup.passwordHint': 'Ít nhất 8 ký tự',
  'setup.passwordMismatch': 'Hai mật khẩu không khớp.',
  'setup.submit': 'Hoàn tất thiết lập',
  'setup.done': 'Đã thiết lập xong. Hãy đăng nhập bằng tài khoản vừa tạo.',

  // Validation messages (form fields)
  'field.required': 'Bắt buộc nhập.',
  'field.tooShort': 'Cần ít nhất {min} ký tự.',
  'field.tooLong': 'Tối đa {max} ký tự.',
  'field.pointCode': 'Mã chỉ gồm chữ in hoa, số, dấu chấm, gạch ngang (2–20 ký tự).',
  'field.username': 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch dưới (3–32 ký tự).',

  // Sign-in and lock
  'signIn.title': 'Đăng nhập',
  'signIn.submit': 'Đăng nhập',
  'signIn.point': 'Điểm giao dịch: {name} ({code})',
  'lock.title': 'Phiên làm việc đã khóa',
  'lock.intro': 'Màn hình đã khóa sau {minutes} phút không thao tác. Nhập mật khẩu của {name} để tiếp tục.',
  'lock.unlock': 'Mở khóa',
  'lock.switchUser': 'Đăng xuất và đăng nhập tài khoản khác',
  'nav.lock': 'Khóa màn hình',
  'nav.signOut': 'Đăng xuất',
  'nav.catalogue': 'Tra cứu thủ tục',
  'nav.catalogueAdmin': 'Quản lý danh mục',
  'nav.users': 'Người dùng',
  'nav.settings': 'Cài đặt',
  'nav.audit': 'Nhật ký thao tác',
  'nav.publishedList': 'Danh mục công bố',

  // Catalogue search
  'search.placeholder': 'Gõ tên hoặc mã thủ tục, có dấu hoặc không dấu (ví dụ: khai sinh, giay phep lai xe, 1.001193)',
  'search.label': 'Tìm thủ tục hành chính',
  'search.results': '{count} thủ tục',
  'search.noResults': 'Không tìm thấy thủ tục nào khớp "{query}". Thử gõ ít chữ hơn hoặc bỏ bộ lọc.',
  'search.hintKeys': '↑ ↓ để chọn, Enter để mở, Esc để xóa',
  'search.filters': 'Bộ lọc',
  'filter.level': 'Cấp thực hiện',
  'filter.field': 'Lĩnh vực',
  'filter.agency': 'Cơ quan thực hiện',
  'filter.receive': 'Tiếp nhận qua BCCI',
  'filter.return': 'Trả kết quả qua BCCI',
  'filter.any': 'Tất cả',
  'filter.yes': 'Có',
  'filter.no': 'Không',

  // Procedure detail
  'procedure.code': 'Mã TTHC',
  'procedure.field': 'Lĩnh vực',
  'procedure.level': 'Cấp thực hiện',
  'procedure.agency': 'Cơ quan thực hiện',
  'procedure.processing': 'Thời hạn giải quyết',
  'procedure.processingDays': '{days} ngày làm việc',
  'procedure.sameDay': 'Trong ngày',
  'procedure.bcciReceive': 'Tiếp nhận hồ sơ qua BCCI',
  'procedure.bcciReturn': 'Trả kết quả qua BCCI',
  'procedure.accepted': 'Được',
  'procedure.notAccepted': 'Không',
  'procedure.notAcceptedBanner': 'Thủ tục này KHÔNG được tiếp nhận qua dịch vụ bưu chính công ích. Hướng dẫn công dân nộp trực tiếp tại cơ quan thực hiện.',
  'procedure.returnOnlyBanner': 'Thủ tục này chỉ nhận trả kết quả qua bưu chính; hồ sơ không được tiếp nhận tại bưu điện.',
  'procedure.fees': 'Phí, lệ phí',
  'procedure.phi': 'Phí',
  'procedure.lePhi': 'Lệ phí',
  'procedure.free': 'Không thu',
  'procedure.feeNote': 'Miễn, giảm',
  'procedure.documents': 'Thành phần hồ sơ',
  'procedure.docName': 'Tên giấy tờ',
  'procedure.docForm': 'Hình thức',
  'procedure.docQuantity': 'Số lượng',
  'procedure.docKind': 'Yêu cầu',
  'procedure.originals': 'Bản chính: {n}',
  'procedure.copies': 'Bản sao: {n}',
  'procedure.template': 'Mẫu: {code}',
  'procedure.noDocuments': 'Chưa có thành phần hồ sơ trong danh mục.',
  'procedure.source': 'Nguồn: {name}, {date}',
  'procedure.version': 'Danh mục phiên bản {version}',
  'procedure.back': 'Quay lại tìm kiếm (Esc)',
  'form.original': 'Bản chính',
  'form.certified_copy': 'Bản sao chứng thực',
  'form.copy': 'Bản sao',
  'form.copy_with_original': 'Bản sao kèm bản chính để đối chiếu',
  'kind.mandatory': 'Bắt buộc',
  'kind.conditional': 'Nếu: {condition}',
  'kind.alternative': 'Chọn một trong nhóm "{group}"',
  'kind.optional': 'Không bắt buộc',

  // Catalogue admin
  'catalogue.title': 'Quản lý danh mục thủ tục',
  'catalogue.current': 'Phiên bản đang dùng: {version} — {count} thủ tục, nhập lúc {at} bởi {by}',
  'catalogue.versions': 'Các phiên bản',
  'catalogue.import': 'Nhập danh mục (XLSX hoặc JSON)',
  'catalogue.importMode': 'Cách nhập',
  'catalogue.importReplace': 'Thay thế toàn bộ danh mục',
  'catalogue.importMerge': 'Bổ sung / cập nhật theo mã TTHC',
  'catalogue.importChoose': 'Chọn tệp…',
  'catalogue.importDone': 'Đã nhập {count} thủ tục thành phiên bản {version}.',
  'catalogue.importFailed': 'Tệp có {count} lỗi. Danh mục không thay đổi.',
  'catalogue.importWarnings': 'Cảnh báo',
  'catalogue.export': 'Xuất danh mục',
  'catalogue.exportJson': 'Xuất JSON (đầy đủ)',
  'catalogue.exportXlsx': 'Xuất XLSX',
  'catalogue.template': 'Tải tệp mẫu XLSX',
  'catalogue.publishedList': 'Danh mục TTHC tiếp nhận / không tiếp nhận qua BCCI',
  'catalogue.publishedListXlsx': 'Tải XLSX danh mục công bố',
  'catalogue.print': 'In (Ctrl+P)',
  'catalogue.acceptedTitle': 'A. Thủ tục tiếp nhận hồ sơ và/hoặc trả kết quả qua dịch vụ bưu chính công ích',
  'catalogue.notAcceptedTitle': 'B. Thủ tục không tiếp nhận qua dịch vụ bưu chính công ích',
  'catalogue.sample': 'Danh mục mẫu (nạp khi chạy lần đầu)',

  // Import problems
  'import.problem': 'Sheet "{sheet}", dòng {row}, cột "{column}": {message}',
  'import.problemNoCell': 'Sheet "{sheet}": {message}',
  'import.badFile': 'Không đọc được tệp: {detail}',
  'import.unknownFormat': 'Chỉ nhận tệp .xlsx hoặc .json.',
  'import.missingSheet': 'thiếu sheet "{sheet}"',
  'import.missingColumn': 'thiếu cột "{column}"',
  'import.extraColumn': 'cột "{column}" không dùng đến, đã bỏ qua',
  'import.duplicateCode': 'mã TTHC {code} trùng với dòng {firstRow}',
  'import.badCode': 'mã TTHC "{value}" không đúng dạng (ví dụ 1.001193)',
  'import.requiredCell': 'ô trống, cần có giá trị',
  'import.badMoney': '"{value}" không phải số tiền (ví dụ 50.000 hoặc "Lần đầu: 100.000; Cấp lại: 50.000")',
  'import.badBool': '"{value}" không hiểu là có hay không (dùng x, có, yes, 1 hoặc để trống, không)',
  'import.badDays': '"{value}" không phải số ngày làm việc',
  'import.badCount': '"{value}" không phải số bản',
  'import.unknownProcedure': 'mã TTHC {code} không có trong sheet "Thủ tục"',
  'import.badKind': '"{value}" không phải loại hợp lệ (Bắt buộc, Điều kiện, Thay thế, Không bắt buộc)',
  'import.needCondition': 'loại "Điều kiện" cần câu hỏi điều kiện ở cột này',
  'import.needGroup': 'loại "Thay thế" cần tên nhóm ở cột này',
  'import.noCopies': 'cần ít nhất một bản chính hoặc bản sao',
  'import.json': 'JSON "{path}": {message}',
  'import.empty': 'không có thủ tục nào',

  // Users
  'users.title': 'Người dùng',
  'users.add': 'Thêm người dùng',
  'users.role': 'Vai trò',
  'users.disabled': 'Đã khóa',
  'users.active': 'Đang hoạt động',
  'users.disable': 'Khóa tài khoản',
  'users.enable': 'Mở khóa tài khoản',
  'users.resetPassword': 'Đặt lại mật khẩu',
  'users.created': 'Đã tạo tài khoản {username}.',
  'users.exists': 'Tên đăng nhập {username} đã tồn tại.',
  'users.selfDisable': 'Không thể tự khóa tài khoản đang đăng nhập.',

  // Settings
  'settings.title': 'Cài đặt',
  'settings.idleLock': 'Tự khóa màn hình sau (phút không thao tác)',
  'settings.saved': 'Đã lưu cài đặt.',

  // Audit
  'audit.title': 'Nhật ký thao tác',
  'audit.at': 'Thời điểm',
  'audit.user': 'Người thực hiện',
  'audit.action': 'Thao tác',
  'audit.detail': 'Chi tiết',

  // Common
  'common.save': 'Lưu',
  'common.cancel': 'Hủy',
  'common.close': 'Đóng',
  'common.yes': 'Có',
  'common.no': 'Không',
  'common.error': 'Lỗi',
  'common.dong': '{amount} đ',
} as const;

export type MessageKey = keyof typeof vi;

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template: string = vi[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** 50000 → "50.000" (Vietnamese thousands separator). */
export function formatMoney(amount: number): string {
  return Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

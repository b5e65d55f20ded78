import type { Fee, Procedure, RequiredDocument } from '../../shared/catalogue/schema';

/**
 * Deterministic generator of realistic-looking Vietnamese administrative
 * procedures for the benchmarks. Names are built like the published ones
 * ("Cấp lại giấy phép kinh doanh vận tải bằng xe ô tô đối với doanh nghiệp"),
 * with real lĩnh vực, levels and agencies after the 2025 two-level reform.
 * Synthetic data: never shipped, never shown to a clerk.
 */

/** mulberry32: small, fast, good enough for test data, identical on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number): boolean => rng() < p;

export const LEVELS = { tw: 'Trung ương', tinh: 'Cấp Tỉnh', xa: 'Cấp Xã' } as const;
type LevelKey = keyof typeof LEVELS;

interface FieldSpec {
  field: string;
  objects: string[];
  /** Agencies by level; a field is only generated at the levels it lists. */
  agencies: Partial<Record<LevelKey, string[]>>;
}

const UBND_XA = 'Ủy ban nhân dân cấp xã';
const UBND_TINH = 'Ủy ban nhân dân cấp tỉnh';
const SO_TU_PHAP = 'Sở Tư pháp';
const SO_Y_TE = 'Sở Y tế';
const SO_XAY_DUNG = 'Sở Xây dựng';
const SO_TAI_CHINH = 'Sở Tài chính';
const SO_NOI_VU = 'Sở Nội vụ';
const SO_NN_MT = 'Sở Nông nghiệp và Môi trường';
const SO_CONG_THUONG = 'Sở Công Thương';
const SO_VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const SO_KHCN = 'Sở Khoa học và Công nghệ';
const SO_GD = 'Sở Giáo dục và Đào tạo';
const PHONG_KINH_TE = 'Phòng Kinh tế (hoặc Phòng Kinh tế, Hạ tầng và Đô thị) thuộc Ủy ban nhân dân cấp xã';
const PHONG_VHXH = 'Phòng Văn hóa - Xã hội thuộc Ủy ban nhân dân cấp xã';

export const FIELDS: FieldSpec[] = [
  {
    field: 'Nuôi con nuôi',
    objects: ['việc nuôi con nuôi trong nước', 'việc nuôi con nuôi có yếu tố nước ngoài', 'giấy phép hoạt động của tổ chức con nuôi nước ngoài'],
    agencies: { xa: [UBND_XA], tinh: [SO_TU_PHAP], tw: ['Cục Con nuôi (Bộ Tư pháp)'] },
  },
  {
    field: 'Quốc tịch',
    objects: ['giấy xác nhận có quốc tịch Việt Nam', 'giấy xác nhận là người gốc Việt Nam', 'giấy chứng nhận có quốc tịch Việt Nam'],
    agencies: { tinh: [SO_TU_PHAP], tw: ['Cục Hộ tịch, quốc tịch, chứng thực (Bộ Tư pháp)'] },
  },
  {
    field: 'Luật sư',
    objects: ['chứng chỉ hành nghề luật sư', 'giấy đăng ký hoạt động của tổ chức hành nghề luật sư', 'giấy phép hành nghề luật sư tại Việt Nam cho luật sư nước ngoài'],
    agencies: { tinh: [SO_TU_PHAP], tw: ['Bộ Tư pháp'] },
  },
  {
    field: 'Công chứng',
    objects: ['thẻ công chứng viên', 'giấy đăng ký hoạt động văn phòng công chứng', 'việc thành lập văn phòng công chứng'],
    agencies: { tinh: [SO_TU_PHAP, UBND_TINH], tw: ['Bộ Tư pháp'] },
  },
  {
    field: 'Đấu giá tài sản',
    objects: ['chứng chỉ hành nghề đấu giá', 'thẻ đấu giá viên', 'giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản'],
    agencies: { tinh: [SO_TU_PHAP], tw: ['Bộ Tư pháp'] },
  },
  {
    field: 'Giám định tư pháp',
    objects: ['thẻ giám định viên tư pháp', 'văn phòng giám định tư pháp'],
    agencies: { tinh: [SO_TU_PHAP, UBND_TINH] },
  },
  {
    field: 'Dược phẩm',
    objects: ['chứng chỉ hành nghề dược', 'giấy chứng nhận đủ điều kiện kinh doanh dược', 'giấy phép nhập khẩu thuốc', 'giấy xác nhận nội dung thông tin thuốc'],
    agencies: { tinh: [SO_Y_TE], tw: ['Cục Quản lý Dược (Bộ Y tế)'] },
  },
  {
    field: 'Khám bệnh, chữa bệnh',
    objects: [
      'giấy phép hành nghề khám bệnh, chữa bệnh',
      'giấy phép hoạt động đối với phòng khám đa khoa',
      'giấy phép hoạt động đối với phòng chẩn trị y học cổ truyền',
      'giấy phép hoạt động đối với trạm y tế cấp xã',
    ],
    agencies: { tinh: [SO_Y_TE], tw: ['Cục Quản lý Khám, chữa bệnh (Bộ Y tế)'] },
  },
  {
    field: 'An toàn thực phẩm và Dinh dưỡng',
    objects: [
      'giấy chứng nhận đủ điều kiện an toàn thực phẩm',
      'bản tự công bố sản phẩm thực phẩm',
      'giấy xác nhận nội dung quảng cáo thực phẩm',
      'giấy tiếp nhận đăng ký bản công bố sản phẩm',
    ],
    agencies: { tinh: [SO_Y_TE, 'Chi cục An toàn vệ sinh thực phẩm', SO_CONG_THUONG, SO_NN_MT], xa: [UBND_XA], tw: ['Cục An toàn thực phẩm (Bộ Y tế)'] },
  },
  {
    field: 'Mỹ phẩm',
    objects: ['phiếu công bố sản phẩm mỹ phẩm', 'giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm'],
    agencies: { tinh: [SO_Y_TE] },
  },
  {
    field: 'Trang thiết bị y tế',
    objects: ['số lưu hành trang thiết bị y tế', 'giấy phép nhập khẩu trang thiết bị y tế'],
    agencies: { tinh: [SO_Y_TE], tw: ['Cục Cơ sở hạ tầng và Thiết bị y tế (Bộ Y tế)'] },
  },
  {
    field: 'Đường bộ',
    objects: [
      'giấy phép kinh doanh vận tải bằng xe ô tô',
      'phù hiệu xe ô tô kinh doanh vận tải',
      'giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn',
      'giấy chứng nhận đăng ký xe máy chuyên dùng',
      'giấy phép liên vận quốc tế',
    ],
    agencies: { tinh: [SO_XAY_DUNG], tw: ['Cục Đường bộ Việt Nam'] },
  },
  {
    field: 'Đường thủy nội địa',
    objects: ['giấy chứng nhận đăng ký phương tiện thủy nội địa', 'giấy chứng nhận khả năng chuyên môn thuyền trưởng, máy trưởng', 'giấy phép hoạt động bến thủy nội địa'],
    agencies: { tinh: [SO_XAY_DUNG], xa: [UBND_XA], tw: ['Cục Đường thủy nội địa Việt Nam'] },
  },
  {
    field: 'Hoạt động xây dựng',
    objects: [
      'giấy phép xây dựng có thời hạn',
      'chứng chỉ hành nghề hoạt động xây dựng',
      'chứng chỉ năng lực hoạt động xây dựng',
      'giấy phép di dời công trình',
      'báo cáo nghiên cứu khả thi đầu tư xây dựng',
    ],
    agencies: { tinh: [SO_XAY_DUNG], xa: [UBND_XA], tw: ['Cục Quản lý hoạt động xây dựng (Bộ Xây dựng)'] },
  },
  {
    field: 'Nhà ở',
    objects: ['hợp đồng thuê nhà ở công vụ', 'giấy chứng nhận đủ điều kiện mua nhà ở xã hội', 'phương án cải tạo, xây dựng lại nhà chung cư'],
    agencies: { tinh: [SO_XAY_DUNG, UBND_TINH], xa: [UBND_XA] },
  },
  {
    field: 'Kinh doanh bất động sản',
    objects: ['chứng chỉ hành nghề môi giới bất động sản', 'giấy chứng nhận đủ điều kiện kinh doanh dịch vụ sàn giao dịch bất động sản'],
    agencies: { tinh: [SO_XAY_DUNG] },
  },
  {
    field: 'Quy hoạch - Kiến trúc',
    objects: ['chứng chỉ hành nghề kiến trúc', 'giấy phép quy hoạch', 'quy hoạch chi tiết xây dựng'],
    agencies: { tinh: [SO_XAY_DUNG, UBND_TINH], xa: [UBND_XA] },
  },
  {
    field: 'Thành lập và hoạt động doanh nghiệp',
    objects: [
      'giấy chứng nhận đăng ký doanh nghiệp',
      'giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện',
      'thông tin về người quản lý doanh nghiệp',
      'việc tạm ngừng kinh doanh của doanh nghiệp',
    ],
    agencies: { tinh: ['Phòng Đăng ký kinh doanh (Sở Tài chính)'] },
  },
  {
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    objects: ['giấy chứng nhận đăng ký hộ kinh doanh', 'việc tạm ngừng kinh doanh của hộ kinh doanh', 'nội dung đăng ký hộ kinh doanh'],
    agencies: { xa: [PHONG_KINH_TE] },
  },
  {
    field: 'Thành lập và hoạt động của hợp tác xã',
    objects: ['giấy chứng nhận đăng ký hợp tác xã', 'giấy chứng nhận đăng ký liên hiệp hợp tác xã', 'việc giải thể tự nguyện hợp tác xã'],
    agencies: { tinh: [SO_TAI_CHINH], xa: [PHONG_KINH_TE] },
  },
  {
    field: 'Đầu tư tại Việt Nam',
    objects: ['giấy chứng nhận đăng ký đầu tư', 'chủ trương đầu tư dự án', 'giấy chứng nhận đăng ký đầu tư ra nước ngoài'],
    agencies: { tinh: [SO_TAI_CHINH, 'Ban Quản lý các khu công nghiệp', UBND_TINH], tw: ['Bộ Tài chính'] },
  },
  {
    field: 'Lao động',
    objects: [
      'giấy phép lao động cho người nước ngoài làm việc tại Việt Nam',
      'giấy phép hoạt động cho thuê lại lao động',
      'nội quy lao động',
      'thang lương, bảng lương',
    ],
    agencies: { tinh: [SO_NOI_VU, 'Ban Quản lý các khu công nghiệp'], tw: ['Cục Việc làm (Bộ Nội vụ)'] },
  },
  {
    field: 'Việc làm',
    objects: ['trợ cấp thất nghiệp', 'hỗ trợ học nghề cho người lao động', 'giấy phép hoạt động dịch vụ việc làm'],
    agencies: { tinh: ['Trung tâm Dịch vụ việc làm', SO_NOI_VU] },
  },
  {
    field: 'Giáo dục nghề nghiệp',
    objects: ['giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp', 'trường trung cấp đạt chuẩn chất lượng'],
    agencies: { tinh: [SO_GD, SO_NOI_VU] },
  },
  {
    field: 'Người có công',
    objects: ['trợ cấp ưu đãi đối với người có công với cách mạng', 'chế độ ưu đãi đối với thân nhân liệt sĩ', 'giấy chứng nhận gia đình liệt sĩ', 'hỗ trợ cải thiện nhà ở cho người có công'],
    agencies: { tinh: [SO_NOI_VU], xa: [UBND_XA] },
  },
  {
    field: 'Bảo trợ xã hội',
    objects: ['trợ cấp xã hội hằng tháng', 'hỗ trợ chi phí mai táng', 'giấy phép hoạt động của cơ sở trợ giúp xã hội', 'hộ nghèo, hộ cận nghèo'],
    agencies: { tinh: [SO_Y_TE], xa: [UBND_XA, PHONG_VHXH] },
  },
  {
    field: 'Giáo dục và Đào tạo',
    objects: ['bằng tốt nghiệp trung học phổ thông', 'giấy phép hoạt động giáo dục', 'trường đạt chuẩn quốc gia', 'giấy chứng nhận kiểm định chất lượng giáo dục'],
    agencies: { tinh: [SO_GD], xa: [UBND_XA, PHONG_VHXH], tw: ['Bộ Giáo dục và Đào tạo'] },
  },
  {
    field: 'Văn hóa',
    objects: ['giấy phép tổ chức lễ hội', 'giấy chứng nhận đủ điều kiện kinh doanh dịch vụ karaoke', 'giấy phép triển lãm mỹ thuật', 'danh hiệu gia đình văn hóa'],
    agencies: { tinh: [SO_VHTTDL], xa: [UBND_XA, PHONG_VHXH] },
  },
  {
    field: 'Du lịch',
    objects: ['giấy phép kinh doanh dịch vụ lữ hành nội địa', 'thẻ hướng dẫn viên du lịch', 'giấy chứng nhận cơ sở lưu trú du lịch đạt tiêu chuẩn'],
    agencies: { tinh: [SO_VHTTDL], tw: ['Cục Du lịch Quốc gia Việt Nam'] },
  },
  {
    field: 'Thể dục thể thao',
    objects: ['giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', 'đẳng cấp vận động viên'],
    agencies: { tinh: [SO_VHTTDL] },
  },
  {
    field: 'Xuất bản, In và Phát hành',
    objects: ['giấy phép hoạt động in', 'giấy xác nhận đăng ký hoạt động cơ sở in', 'giấy phép xuất bản tài liệu không kinh doanh'],
    agencies: { tinh: [SO_VHTTDL], tw: ['Cục Xuất bản, In và Phát hành'] },
  },
  {
    field: 'Bưu chính',
    objects: ['giấy phép bưu chính', 'văn bản xác nhận thông báo hoạt động bưu chính'],
    agencies: { tinh: [SO_KHCN], tw: ['Bộ Khoa học và Công nghệ'] },
  },
  {
    field: 'Viễn thông và Internet',
    objects: ['giấy phép kinh doanh dịch vụ viễn thông', 'giấy chứng nhận đăng ký cung cấp dịch vụ trò chơi điện tử công cộng'],
    agencies: { tinh: [SO_KHCN], xa: [UBND_XA], tw: ['Cục Viễn thông'] },
  },
  {
    field: 'Tài nguyên nước',
    objects: ['giấy phép khai thác nước dưới đất', 'giấy phép khai thác, sử dụng nước mặt', 'giấy phép xả nước thải vào nguồn nước', 'giấy phép thăm dò nước dưới đất'],
    agencies: { tinh: [SO_NN_MT, UBND_TINH], tw: ['Cục Quản lý tài nguyên nước'] },
  },
  {
    field: 'Môi trường',
    objects: ['giấy phép môi trường', 'báo cáo đánh giá tác động môi trường', 'phương án cải tạo, phục hồi môi trường', 'việc đăng ký môi trường'],
    agencies: { tinh: [SO_NN_MT, UBND_TINH], xa: [UBND_XA], tw: ['Bộ Nông nghiệp và Môi trường'] },
  },
  {
    field: 'Địa chất và khoáng sản',
    objects: ['giấy phép thăm dò khoáng sản', 'giấy phép khai thác khoáng sản', 'giấy phép khai thác tận thu khoáng sản'],
    agencies: { tinh: [SO_NN_MT, UBND_TINH], tw: ['Cục Địa chất và Khoáng sản Việt Nam'] },
  },
  {
    field: 'Thú y',
    objects: ['giấy chứng nhận kiểm dịch động vật', 'chứng chỉ hành nghề thú y', 'giấy chứng nhận cơ sở an toàn dịch bệnh động vật'],
    agencies: { tinh: ['Chi cục Chăn nuôi và Thú y', SO_NN_MT], tw: ['Cục Chăn nuôi và Thú y'] },
  },
  {
    field: 'Bảo vệ thực vật',
    objects: ['giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'giấy chứng nhận kiểm dịch thực vật'],
    agencies: { tinh: ['Chi cục Trồng trọt và Bảo vệ thực vật'], tw: ['Cục Trồng trọt và Bảo vệ thực vật'] },
  },
  {
    field: 'Trồng trọt',
    objects: ['giấy chứng nhận đủ điều kiện sản xuất phân bón', 'giấy chứng nhận đủ điều kiện buôn bán phân bón', 'cây đầu dòng, vườn cây đầu dòng'],
    agencies: { tinh: [SO_NN_MT, 'Chi cục Trồng trọt và Bảo vệ thực vật'] },
  },
  {
    field: 'Lâm nghiệp',
    objects: ['hồ sơ nguồn gốc lâm sản', 'phương án quản lý rừng bền vững', 'mã số cơ sở nuôi, trồng các loài động vật, thực vật hoang dã'],
    agencies: { tinh: ['Chi cục Kiểm lâm', SO_NN_MT], xa: [UBND_XA] },
  },
  {
    field: 'Thủy sản',
    objects: ['giấy phép khai thác thủy sản', 'giấy chứng nhận đăng ký tàu cá', 'giấy chứng nhận an toàn kỹ thuật tàu cá'],
    agencies: { tinh: ['Chi cục Thủy sản', SO_NN_MT], tw: ['Cục Thủy sản và Kiểm ngư'] },
  },
  {
    field: 'Lưu thông hàng hóa trong nước',
    objects: ['giấy phép bán lẻ rượu', 'giấy phép bán lẻ sản phẩm thuốc lá', 'giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu', 'giấy phép sản xuất rượu thủ công'],
    agencies: { tinh: [SO_CONG_THUONG], xa: [PHONG_KINH_TE] },
  },
  {
    field: 'Hóa chất',
    objects: ['giấy chứng nhận đủ điều kiện sản xuất, kinh doanh hóa chất', 'giấy phép kinh doanh hóa chất hạn chế'],
    agencies: { tinh: [SO_CONG_THUONG], tw: ['Cục Hóa chất'] },
  },
  {
    field: 'Điện',
    objects: ['giấy phép hoạt động điện lực', 'thẻ an toàn điện'],
    agencies: { tinh: [SO_CONG_THUONG], tw: ['Cục Điện lực'] },
  },
  {
    field: 'Hoạt động khoa học và công nghệ',
    objects: ['giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', 'giấy chứng nhận doanh nghiệp khoa học và công nghệ', 'kết quả thực hiện nhiệm vụ khoa học và công nghệ'],
    agencies: { tinh: [SO_KHCN], tw: ['Bộ Khoa học và Công nghệ'] },
  },
  {
    field: 'Tiêu chuẩn, đo lường, chất lượng',
    objects: ['giấy chứng nhận đăng ký hoạt động kiểm định phương tiện đo', 'giấy chứng nhận đăng ký công bố hợp quy'],
    agencies: { tinh: [SO_KHCN], tw: ['Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia'] },
  },
  {
    field: 'Tín ngưỡng, tôn giáo',
    objects: ['sinh hoạt tôn giáo tập trung', 'hoạt động tín ngưỡng', 'người được bổ nhiệm, bầu cử, suy cử'],
    agencies: { tinh: [SO_NOI_VU, 'Ban Tôn giáo (Sở Nội vụ)'], xa: [UBND_XA] },
  },
  {
    field: 'Phòng cháy, chữa cháy',
    objects: ['giấy chứng nhận thẩm duyệt thiết kế về phòng cháy và chữa cháy', 'văn bản nghiệm thu về phòng cháy và chữa cháy', 'giấy chứng nhận huấn luyện nghiệp vụ phòng cháy và chữa cháy'],
    agencies: { tinh: ['Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (Công an cấp tỉnh)'], xa: ['Công an cấp xã'], tw: ['Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (Bộ Công an)'] },
  },
  {
    field: 'Quản lý ngành, nghề đầu tư kinh doanh có điều kiện về an ninh, trật tự',
    objects: ['giấy chứng nhận đủ điều kiện về an ninh, trật tự', 'giấy phép sử dụng pháo hoa'],
    agencies: { tinh: ['Phòng Cảnh sát quản lý hành chính về trật tự xã hội (Công an cấp tỉnh)'], xa: ['Công an cấp xã'] },
  },
  {
    field: 'Đăng ký, quản lý phương tiện giao thông',
    objects: ['chứng nhận đăng ký xe, biển số xe', 'giấy chứng nhận thu hồi đăng ký, biển số xe'],
    agencies: { tinh: ['Phòng Cảnh sát giao thông (Công an cấp tỉnh)'], xa: ['Công an cấp xã'] },
  },
  {
    field: 'Thuế',
    objects: ['mã số thuế', 'hoàn thuế giá trị gia tăng', 'miễn, giảm thuế sử dụng đất phi nông nghiệp', 'thông tin đăng ký thuế'],
    agencies: { tinh: ['Thuế tỉnh'], xa: ['Thuế cơ sở'] },
  },
  {
    field: 'Bảo hiểm xã hội',
    objects: ['sổ bảo hiểm xã hội', 'thẻ bảo hiểm y tế', 'chế độ ốm đau, thai sản', 'lương hưu, trợ cấp bảo hiểm xã hội hằng tháng'],
    agencies: { tinh: ['Bảo hiểm xã hội tỉnh'], xa: ['Bảo hiểm xã hội cơ sở'] },
  },
];

type ObjectKind = 'permit' | 'register' | 'approve' | 'benefit' | 'recognize';

function kindOf(object: string): ObjectKind {
  if (/^(giấy phép|chứng chỉ|giấy chứng nhận|chứng nhận|thẻ|phù hiệu|bằng|số lưu hành|giấy xác nhận|phiếu|văn bản|giấy tiếp nhận|mã số|sổ)/.test(object))
    return 'permit';
  if (/^(báo cáo|phương án|chủ trương|quy hoạch|hồ sơ|nội quy|thang lương|kết quả)/.test(object)) return 'approve';
  if (/^(trợ cấp|chế độ|hỗ trợ|lương hưu|hoàn thuế|miễn)/.test(object)) return 'benefit';
  if (/^(trường|danh hiệu|đẳng cấp|cây đầu dòng|hộ nghèo|người được)/.test(object)) return 'recognize';
  return 'register';
}

const VERBS: Record<ObjectKind, string[]> = {
  permit: ['Cấp', 'Cấp', 'Cấp', 'Cấp lại', 'Cấp lại', 'Cấp đổi', 'Cấp mới', 'Gia hạn', 'Điều chỉnh', 'Điều chỉnh nội dung', 'Thu hồi'],
  register: ['Đăng ký', 'Đăng ký', 'Đăng ký thay đổi', 'Đăng ký lại', 'Thông báo', 'Xóa đăng ký', 'Xác nhận'],
  approve: ['Thẩm định', 'Phê duyệt', 'Thẩm định, phê duyệt', 'Điều chỉnh', 'Chấp thuận', 'Thẩm định lại'],
  benefit: ['Giải quyết', 'Giải quyết hưởng', 'Tạm dừng hưởng', 'Điều chỉnh mức hưởng', 'Chuyển nơi hưởng', 'Xác nhận'],
  recognize: ['Công nhận', 'Công nhận lại', 'Xét công nhận', 'Thu hồi quyết định công nhận', 'Phê duyệt'],
};

const QUALIFIERS: Record<LevelKey | 'any', string[]> = {
  any: [
    'đối với doanh nghiệp',
    'đối với cá nhân',
    'đối với tổ chức',
    'đối với hộ kinh doanh',
    'trong trường hợp bị mất, bị hỏng',
    'do hết thời hạn',
    'do thay đổi nội dung',
    'có yếu tố nước ngoài',
    'trên môi trường điện tử',
    'đối với cơ sở sản xuất nhỏ lẻ',
    'theo thủ tục rút gọn',
    'cho người nước ngoài',
    'đối với đơn vị sự nghiệp công lập',
    'trong khu công nghiệp, khu kinh tế',
  ],
  tw: ['(thực hiện tại cấp trung ương)', 'thuộc thẩm quyền của Bộ', '(cấp trung ương)'],
  tinh: ['thuộc thẩm quyền cấp tỉnh', '(cấp tỉnh)', '(thực hiện tại cấp tỉnh)', 'thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh'],
  xa: ['(cấp xã)', 'thuộc thẩm quyền cấp xã', '(thực hiện tại cấp xã)', 'thuộc thẩm quyền của Ủy ban nhân dân cấp xã'],
};

const DOCUMENTS = [
  'Đơn đề nghị theo mẫu',
  'Tờ khai theo mẫu',
  'Văn bản đề nghị của tổ chức',
  'Bản sao giấy tờ tùy thân của người đề nghị',
  'Giấy chứng nhận đăng ký doanh nghiệp',
  'Ảnh màu cỡ 4x6 cm chụp không quá 06 tháng',
  'Giấy chứng nhận sức khỏe do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp',
  'Bản sao văn bằng, chứng chỉ chuyên môn',
  'Bản thuyết minh về cơ sở vật chất, trang thiết bị',
  'Sơ yếu lý lịch có xác nhận của cơ quan, đơn vị',
  'Phiếu lý lịch tư pháp',
  'Giấy phép đã được cấp (bản chính)',
  'Báo cáo tình hình hoạt động',
  'Bản vẽ thiết kế, mặt bằng',
  'Hợp đồng thuê địa điểm',
  'Danh sách người lao động',
  'Giấy xác nhận của Ủy ban nhân dân cấp xã nơi cư trú',
  'Quyết định thành lập',
  'Văn bản thẩm định của cơ quan chuyên môn',
  'Biên bản kiểm tra điều kiện',
] as const;

const CONDITIONS = [
  'Người nộp là người được ủy quyền?',
  'Tổ chức có vốn đầu tư nước ngoài?',
  'Giấy phép cũ bị mất?',
  'Có thay đổi địa điểm?',
  'Người đề nghị là người nước ngoài?',
];

const ALT_GROUPS: { group: string; items: string[] }[] = [
  { group: 'Giấy tờ chứng minh nơi cư trú', items: ['Giấy xác nhận thông tin về cư trú', 'Thông báo số định danh cá nhân'] },
  { group: 'Giấy tờ chứng minh quyền sử dụng địa điểm', items: ['Giấy chứng nhận quyền sử dụng đất', 'Hợp đồng thuê, mượn địa điểm'] },
  { group: 'Giấy tờ chứng minh trình độ chuyên môn', items: ['Bằng tốt nghiệp chuyên ngành', 'Chứng chỉ đào tạo chuyên môn'] },
];

const FORMS: RequiredDocument['form'][] = ['original', 'original', 'certified_copy', 'copy', 'copy_with_original'];
const PHI = [0, 0, 50_000, 100_000, 150_000, 200_000, 300_000, 500_000, 1_000_000, 2_500_000];
const LE_PHI = [0, 0, 0, 20_000, 50_000, 100_000, 200_000];
const DAYS = [0, 1, 3, 5, 7, 10, 10, 15, 20, 30, 45];

function documents(rng: Rng): RequiredDocument[] {
  const out: RequiredDocument[] = [];
  const n = Math.floor(rng() * 9); // 0–8
  const names = new Set<string>();
  while (out.length < n) {
    const r = rng();
    if (r < 0.12 && n - out.length >= 2) {
      const alt = pick(rng, ALT_GROUPS);
      if (names.has(alt.items[0])) continue;
      for (const name of alt.items) {
        names.add(name);
        out.push({ name, form: 'certified_copy', originals: 0, copies: 1, kind: 'alternative', group: alt.group });
      }
      continue;
    }
    const name = pick(rng, DOCUMENTS);
    if (names.has(name)) continue;
    names.add(name);
    const form = pick(rng, FORMS);
    const originals = form === 'original' || form === 'copy_with_original' ? 1 : 0;
    const copies = originals === 0 ? 1 + Math.floor(rng() * 2) : form === 'copy_with_original' ? 1 : 0;
    const doc: RequiredDocument = { name, form, originals, copies, kind: 'mandatory' };
    if (r < 0.25) {
      doc.kind = 'conditional';
      doc.condition = pick(rng, CONDITIONS);
    } else if (r < 0.3) doc.kind = 'optional';
    if (name.startsWith('Đơn') || name.startsWith('Tờ khai')) doc.templateCode = `Mẫu số 0${1 + Math.floor(rng() * 9)}`;
    out.push(doc);
  }
  return out;
}

function fee(rng: Rng, amounts: number[]): Fee {
  if (chance(rng, 0.15))
    return {
      kind: 'tiers',
      tiers: [
        { label: 'Cấp mới', amount: pick(rng, amounts) },
        { label: 'Cấp lại, điều chỉnh', amount: pick(rng, amounts) },
      ],
    };
  return { kind: 'fixed', amount: pick(rng, amounts) };
}

export interface GenerateOptions {
  seed?: number;
  /** Codes already in use (e.g. the sample's): neither the code nor its 6-digit part is reused. */
  exclude?: Iterable<string>;
}

const codeDigits = (code: string) => code.split('.')[1] ?? code;

/** `count` procedures, identical for the same seed on every run. Valid against `procedureSchema`. */
export function generateProcedures(count: number, o: GenerateOptions = {}): Procedure[] {
  const rng = seededRandom(o.seed ?? 20_251_120);
  const usedDigits = new Set<string>([...(o.exclude ?? [])].map(codeDigits));
  const out: Procedure[] = [];
  for (let i = 0; i < count; i++) {
    let digits: string;
    do digits = `0${String(Math.floor(rng() * 100_000)).padStart(5, '0')}`;
    while (digits === '000000' || usedDigits.has(digits));
    usedDigits.add(digits);
    const prefix = pick(rng, ['1', '1', '1', '2', '2', '3']);

    const spec = pick(rng, FIELDS);
    const levels = Object.keys(spec.agencies) as LevelKey[];
    const level = pick(rng, levels);
    const agency = pick(rng, spec.agencies[level] as string[]);
    const object = pick(rng, spec.objects);
    const verb = pick(rng, VERBS[kindOf(object)]);
    let name = `${verb} ${object}`;
    const q = rng();
    const general = pick(rng, QUALIFIERS.any);
    const byLevel = pick(rng, QUALIFIERS[level]);
    // A qualifier that repeats the object ("… cho người nước ngoài cho người nước ngoài") is dropped.
    const useGeneral = !object.includes(general.split(' ').slice(-2).join(' '));
    if (q < 0.3 && useGeneral) name += ` ${general}`;
    else if (q < 0.5) name += ` ${byLevel}`;
    else if (q < 0.58) name += useGeneral ? ` ${general} ${byLevel}` : ` ${byLevel}`;
    if (chance(rng, 0.25)) name = `Thủ tục ${name.charAt(0).toLowerCase()}${name.slice(1)}`;

    const receive = chance(rng, 0.85);
    const days = pick(rng, DAYS);
    out.push({
      code: `${prefix}.${digits}`,
      name,
      field: spec.field,
      level: LEVELS[level],
      agency,
      bcciReceive: receive,
      bcciReturn: receive ? chance(rng, 0.95) : chance(rng, 0.5),
      processingDays: days,
      processingNote: days === 0 ? 'Trong ngày làm việc' : `${days} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ`,
      phi: fee(rng, PHI),
      lePhi: fee(rng, LE_PHI),
      documents: documents(rng),
      source: { name: 'Dữ liệu sinh tự động để đo hiệu năng (không phải thủ tục công bố)', date: '2025-07-01' },
    });
  }
  return out;
}

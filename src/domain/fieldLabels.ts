/**
 * What people call each field the API, the portal and the data files take: a validation message
 * says "Tỷ lệ hoàn thành", not `percent`, and "Đường dẫn minh chứng thứ 2", not `evidenceLinks.1`.
 * Keys are the schemas' property names; test/unit/domain/fieldLabels.test.ts checks that every
 * property of every route in the OpenAPI document has a label here.
 */
export const FIELD_LABELS: Record<string, string> = {
  // campaigns and their definition
  key: 'Mã kế hoạch',
  year: 'Năm',
  title: 'Tên',
  directive: 'Văn bản chỉ đạo',
  number: 'Số',
  date: 'Ngày',
  issuer: 'Cơ quan ban hành',
  launchDate: 'Ngày giao nhiệm vụ',
  defaultDeadline: 'Hạn mặc định',
  deadline: 'Hạn xử lý',
  kind: 'Loại',
  workingDays: 'Số ngày làm việc',
  days: 'Số ngày',
  reminderPolicy: 'Cách nhắc việc',
  workingDaysBefore: 'Số ngày làm việc trước hạn',
  onDeadlineDay: 'Nhắc vào ngày đến hạn',
  escalationPolicy: 'Cách báo cáo quá hạn',
  steps: 'Các bậc báo cáo quá hạn',
  workingDaysAfterPrevious: 'Số ngày làm việc sau bậc trước',
  level: 'Cấp nhận báo cáo',
  repeatEveryDays: 'Số ngày giữa hai lần nhắc lại',
  sections: 'Danh sách mục',
  addressees: 'Cơ quan nhận',
  agencies: 'Danh sách cơ quan',
  groups: 'Nhóm cơ quan',
  tasks: 'Danh sách nhiệm vụ',
  details: 'Nội dung',
  coordinatingAgencies: 'Cơ quan phối hợp',
  kpiTargets: 'Chỉ tiêu',
  indicator: 'Tên chỉ tiêu',
  comparator: 'Phép so sánh của chỉ tiêu',
  threshold: 'Mức chỉ tiêu',
  unit: 'Đơn vị tính',
  period: 'Kỳ chỉ tiêu',
  citations: 'Văn bản được dẫn',
  campaign: 'Kế hoạch',
  calendar: 'Lịch làm việc',
  // actions on an assignment
  note: 'Nội dung',
  percent: 'Tỷ lệ hoàn thành (%)',
  summary: 'Tóm tắt kết quả',
  evidenceLinks: 'Đường dẫn minh chứng',
  evidenceFiles: 'Tệp minh chứng',
  kpiValues: 'Kết quả chỉ tiêu',
  value: 'Giá trị',
  comment: 'Ý kiến',
  requestedDeadline: 'Hạn đề nghị',
  reason: 'Lý do',
  grant: 'Quyết định gia hạn (đồng ý hay không)',
  toAgency: 'Cơ quan nhận lại nhiệm vụ',
  id: 'Mã',
  sha256: 'Mã kiểm tra tệp',
  size: 'Dung lượng tệp',
  type: 'Loại',
  // directory and people
  code: 'Mã cơ quan',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  parent: 'Cơ quan cấp trên',
  contacts: 'Người liên hệ',
  role: 'Vai trò',
  email: 'Địa chỉ email',
  active: 'Trạng thái hoạt động',
  agencyCode: 'Mã cơ quan',
  unitCode: 'Mã đơn vị hành chính',
  effectiveFrom: 'Ngày bắt đầu hoạt động theo tổ chức mới',
  formerUnits: 'Đơn vị tiền thân',
  district: 'Quận, huyện cũ',
  area: 'Địa bàn cũ',
  mergedOn: 'Ngày nhận lại công việc',
  // calendars
  daysOff: 'Ngày nghỉ',
  notDaysOff: 'Ngày không nghỉ theo quyết định',
  source: 'Căn cứ (văn bản quyết định)',
  version: 'Phiên bản lịch đã đọc',
  replace: 'Thay toàn bộ năm',
  remove: 'Ngày cần bỏ',
  // lists, filters and reports
  agency: 'Cơ quan',
  group: 'Nhóm cơ quan',
  section: 'Mục',
  category: 'Tình trạng',
  status: 'Trạng thái',
  dueBefore: 'Hạn trước ngày',
  dueAfter: 'Hạn sau ngày',
  q: 'Từ khóa tìm kiếm',
  sort: 'Cách sắp xếp',
  limit: 'Số dòng mỗi trang',
  cursor: 'Vị trí trang (cursor)',
  cutoff: 'Ngày chốt số liệu',
  format: 'Định dạng',
  assignment: 'Nhiệm vụ',
  by: 'Người thực hiện',
  sendAt: 'Thời điểm gửi',
  testMailbox: 'Hộp thư thử nghiệm',
};

/** What the n-th element of a list is called, by the list's name. */
const ELEMENT_LABELS: Record<string, string> = {
  sections: 'mục',
  tasks: 'nhiệm vụ',
  agencies: 'cơ quan',
  contacts: 'người liên hệ',
  formerUnits: 'đơn vị tiền thân',
  kpiTargets: 'chỉ tiêu',
  kpiValues: 'kết quả chỉ tiêu',
  evidenceLinks: 'đường dẫn minh chứng',
  evidenceFiles: 'tệp minh chứng',
  daysOff: 'ngày nghỉ',
  workingDays: 'ngày làm bù',
  notDaysOff: 'ngày không nghỉ',
  steps: 'bậc',
  workingDaysBefore: 'lần nhắc',
  coordinatingAgencies: 'cơ quan phối hợp',
  groups: 'nhóm',
  citations: 'văn bản được dẫn',
};

const labelOf = (key: string) => FIELD_LABELS[key] ?? `Trường "${key}"`;

/**
 * "Tên nhiệm vụ" style description of a path: the last named field, with the list positions that
 * lead to it ("Tên (mục thứ 2, nhiệm vụ thứ 1)"); a path ending in a position names the element
 * ("Đường dẫn minh chứng thứ 2"). An empty path is the whole of what was sent.
 */
export function describeField(path: readonly PropertyKey[]): string {
  const keys = path.filter((part): part is string => typeof part === 'string');
  const positions: string[] = [];
  path.forEach((part, index) => {
    const list = path[index - 1];
    if (typeof part === 'number' && typeof list === 'string' && index < path.length - 1) {
      positions.push(`${ELEMENT_LABELS[list] ?? labelOf(list).toLowerCase()} thứ ${part + 1}`);
    }
  });
  const last = path[path.length - 1];
  let label: string;
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    label = typeof list === 'string' ? `${labelOf(list)} thứ ${last + 1}` : `Phần tử thứ ${last + 1}`;
  } else {
    label = keys.length ? labelOf(keys[keys.length - 1]!) : 'Dữ liệu gửi lên';
  }
  return positions.length ? `${label} (${positions.join(', ')})` : label;
}

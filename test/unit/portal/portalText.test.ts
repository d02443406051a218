/**
 * The portal's pure pieces: search without diacritics, dates typed as dd/mm/yyyy, a posted form
 * read into the same command the API takes (errors tied to fields), and the CSV for Excel.
 */
import { matchesSearch, searchForm } from '../../../src/domain/text/foldVietnamese';
import { readActionForm } from '../../../src/portal/pages/actionForms';
import { parseVietnameseDate } from '../../../src/portal/pages/vietnameseDate';
import { assignmentsCsv } from '../../../src/services/campaignOverview';
import type { AssignmentRow } from '../../../src/services/portalQueries';

describe('search without diacritics', () => {
  it('finds "chuyển đổi" from "chuyen doi", in any case and either tone placement', () => {
    expect(matchesSearch('Chuyển đổi số hồ sơ đất đai', 'chuyen doi')).toBe(true);
    expect(matchesSearch('Chuyển đổi số hồ sơ đất đai', 'DAT DAI so')).toBe(true);
    expect(matchesSearch('Ủy ban nhân dân Quận 1', 'uỷ ban')).toBe(true);
    expect(matchesSearch('Chuyển đổi số', 'chuyen doi so hoa')).toBe(false);
    expect(searchForm('  Đường   Hòa ')).toBe('duong hoa');
  });
});

describe('dates typed on the portal', () => {
  it('reads dd/mm/yyyy (and d/m/yyyy, dots, dashes) and refuses impossible dates', () => {
    expect(parseVietnameseDate('31/12/2026')).toBe('2026-12-31');
    expect(parseVietnameseDate('1/2/2027')).toBe('2027-02-01');
    expect(parseVietnameseDate('05.03.2027')).toBe('2027-03-05');
    // ISO, as a program or a browser date field sends it, is taken too.
    expect(parseVietnameseDate('2027-02-01')).toBe('2027-02-01');
    for (const bad of ['31/02/2027', '2027-02-30', '12/31/2026', '12/31/2026x', '']) expect(parseVietnameseDate(bad)).toBeUndefined();
  });
});

describe('reading a posted form', () => {
  it('turns the result form into the API command: links one a line, KPI values with a decimal comma', () => {
    const read = readActionForm(
      'submitResult',
      { 'tom-tat': ' Đã rà soát 120 thủ tục ', 'duong-dan': 'https://a.example/1.pdf\r\n\r\nhttp://b.example/2', 'chi-tieu-0': '0,3' },
      [{ indicator: 'Tỷ lệ hồ sơ trễ hạn', comparator: 'lt', threshold: 0.4, unit: '%' }],
    );
    expect(read).toEqual(
      expect.objectContaining({
        ok: true,
        command: expect.objectContaining({
          type: 'submitResult',
          summary: 'Đã rà soát 120 thủ tục',
          evidenceLinks: ['https://a.example/1.pdf', 'http://b.example/2'],
          kpiValues: [{ indicator: 'Tỷ lệ hồ sơ trễ hạn', value: 0.3, unit: '%' }],
        }),
      }),
    );
  });

  it('ties each problem to its field and keeps what was typed', () => {
    const read = readActionForm('submitResult', { 'tom-tat': '', 'duong-dan': 'https://ok.example\njavascript:alert(1)', 'chi-tieu-0': 'nhiều' }, [
      { indicator: 'Tỷ lệ', comparator: 'lt', threshold: 1, unit: '%' },
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual(
      expect.arrayContaining([
        { field: 'tom-tat', message: 'Hãy nêu kết quả thực hiện.' },
        { field: 'duong-dan', message: 'Dòng 2: Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.' },
        expect.objectContaining({ field: 'chi-tieu-0' }),
      ]),
    );
    expect(read.values['duong-dan']).toBe('https://ok.example\njavascript:alert(1)');
  });

  it('asks for the reasons the domain requires, and a date it can read', () => {
    const ext = readActionForm('requestExtension', { 'ngay-de-nghi': '31/13/2026', 'ly-do-gia-han': '' });
    expect(ext.ok ? [] : ext.errors.map((e) => e.field)).toEqual(['ngay-de-nghi', 'ly-do-gia-han']);
    const long = readActionForm('addCoordinationNote', { 'y-kien-phoi-hop': 'x'.repeat(5001) });
    expect(long.ok ? [] : long.errors).toEqual([{ field: 'y-kien-phoi-hop', message: 'Nội dung dài tối đa 5000 ký tự.' }]);
    const back = readActionForm('returnForRework', { 'ly-do-tra-lai': '   ' });
    expect(back.ok ? [] : back.errors).toEqual([{ field: 'ly-do-tra-lai', message: 'Hãy nêu lý do trả lại.' }]);
  });
});

describe('the CSV export', () => {
  const row: AssignmentRow = {
    id: 'cds-2026.s1.t1.STNMT',
    title: '=HYPERLINK("http://x") Chuyển đổi số, "giai đoạn 1"',
    campaignKey: 'cds-2026',
    sectionNumber: 1,
    taskNumber: 1,
    agencyCode: 'STNMT',
    agencyName: 'Sở Tài nguyên và Môi trường',
    status: 'inProgress',
    statusText: 'Đang thực hiện',
    category: 'overdue',
    deadline: '2026-12-31',
    originalDeadline: '2026-12-30',
    standing: { kind: 'overdue', workingDays: 3 },
  };

  it('starts with a UTF-8 byte-order mark, quotes commas and quotes, and never lets a cell be a formula', () => {
    const csv = assignmentsCsv([row]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe('Mã nhiệm vụ,Mục,Nhiệm vụ,Cơ quan chủ trì,Trạng thái,Nhóm,Hạn xử lý,Hạn ban đầu,Số ngày làm việc quá hạn');
    expect(line).toBe(
      `cds-2026.s1.t1.STNMT,1,"'=HYPERLINK(""http://x"") Chuyển đổi số, ""giai đoạn 1""",Sở Tài nguyên và Môi trường,Đang thực hiện,Quá hạn chưa hoàn thành,31/12/2026,30/12/2026,3`,
    );
  });
});

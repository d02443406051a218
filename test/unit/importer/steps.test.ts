/** The importer's steps one by one, on short texts written for these tests. */
import { AgencyMatcher, collapseGroups } from '../../../src/importer/agencyMatcher';
import { DraftInvalidError } from '../../../src/importer/buildDraft';
import { groupTasks } from '../../../src/importer/bulletGrouping';
import { findChrome } from '../../../src/importer/chromeFilter';
import { findCitations } from '../../../src/importer/citations';
import { findCoordination } from '../../../src/importer/coordination';
import { findDeadline } from '../../../src/importer/deadlines';
import { foldVietnamese } from '../../../src/domain/text/foldVietnamese';
import { importDirective } from '../../../src/importer/importDirective';
import { findKpiTargets } from '../../../src/importer/kpiTargets';
import { addresseeLine, stripLeadingWords } from '../../../src/importer/leadingWords';
import { normalizeText } from '../../../src/importer/normalizeText';
import { splitSections } from '../../../src/importer/sectionSplitter';
import { splitSentences } from '../../../src/importer/sentences';
import { taskTitle } from '../../../src/importer/taskTitle';
import { shippedDirectory } from './directory';

const matcher = new AgencyMatcher(shippedDirectory());
const items = (...texts: string[]) => texts.map((text, index) => ({ line: index + 1, text }));

describe('normalizeText and foldVietnamese', () => {
  it('keeps one paragraph per non-empty line, in composed Unicode, with its line number', () => {
    const decomposed = 'Sở Nội vụ'.normalize('NFD'); // as typed on systems that send combining tone marks
    expect(decomposed).not.toBe('Sở Nội vụ');
    expect(normalizeText(`\uFEFF  Dòng một\u00A0 có\tkhoảng trắng \r\n\r\n${decomposed}\n`)).toEqual([
      { line: 1, text: 'Dòng một có khoảng trắng' },
      { line: 3, text: 'Sở Nội vụ' },
    ]);
  });

  it('folds the old and new tone placements to one form', () => {
    expect(foldVietnamese('Uỷ ban, hoà nhập, Thuỷ')).toBe(foldVietnamese('Ủy ban, hòa nhập, Thủy'));
    expect(foldVietnamese('Hoàn thành')).toBe('hoàn thành');
  });
});

describe('splitSentences', () => {
  it('ends sentences at full stops before a capital, not inside numbers or decimals', () => {
    expect(splitSentences('Đạt 2,5% theo Nghị định số 61/2018/NĐ-CP. Báo cáo về Sở Nội vụ. Xong')).toEqual([
      'Đạt 2,5% theo Nghị định số 61/2018/NĐ-CP.',
      'Báo cáo về Sở Nội vụ.',
      'Xong',
    ]);
  });
});

describe('findChrome', () => {
  it('recognises navigation, repeated titles, account names, page numbers, footers and the signature block', () => {
    const lines = [
      'Trang chủ', 'Danh mục Danh mục', 'Tin tức Tin tức', 'nvan.snv', 'Trang 1/3', '- 2 -', 'Nguồn: Sở Nội vụ', 'Cập nhật lúc 10:20',
      'Độc lập - Tự do - Hạnh phúc', '__________', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '(Đã ký)', 'Nguyễn Văn An',
      'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'Cập nhật dữ liệu hộ tịch vào hệ thống.', 'Nguyễn Văn An',
    ];
    const chrome = findChrome(lines.map((text, index) => ({ line: index + 1, text })));
    expect(lines.map((_, index) => chrome.get(index) ?? null)).toEqual([
      'navigation', 'navigation', 'siteTitle', 'author', 'pageNumber', 'pageNumber', 'footer', 'footer', 'letterhead', 'separator',
      'signature', 'signature', 'signature', 'signature', 'recipients', 'recipients', 'recipients',
      // A task that starts with "Cập nhật", and a name far from any signature, are not chrome.
      null, null,
    ]);
  });
});

describe('splitSections', () => {
  it('takes the next number in sequence as a header, and stops the body at the end mark', () => {
    const paragraphs = items('Lời dẫn:', '1. Sở Nội vụ', '- Việc một.', '3. Không phải mục vì số không liền mạch', '2. Sở Tư pháp: rà soát văn bản quy phạm pháp luật.', '- Việc hai./.', 'Đoạn sau dấu kết thúc');
    const split = splitSections(paragraphs, new Map());
    expect(split.preamble.map((item) => item.text)).toEqual(['Lời dẫn:']);
    expect(split.sections.map((section) => [section.number, section.header.text, section.body.map((item) => item.text)])).toEqual([
      [1, 'Sở Nội vụ', ['- Việc một.', '3. Không phải mục vì số không liền mạch']],
      [2, 'Sở Tư pháp', ['rà soát văn bản quy phạm pháp luật.', '- Việc hai.']],
    ]);
    expect(split.ignored).toEqual([{ item: { line: 7, text: 'Đoạn sau dấu kết thúc' }, reason: 'closing' }]);
  });
});

describe('importDirective without sections', () => {
  it('refuses, saying what it looks for, rather than make an empty draft', () => {
    expect(() => importDirective('Một đoạn văn không có mục nào.', { directory: shippedDirectory() })).toThrow(DraftInvalidError);
    expect(() => importDirective('', { directory: shippedDirectory() })).toThrow('Không thấy mục nào đánh số "1.", "2."');
  });
});

describe('groupTasks', () => {
  it('makes bullets tasks, joins continuations and sub-bullets, keeps lead-ins with the header', () => {
    const grouped = groupTasks(items('Thực hiện các nội dung sau:', '- Một.', 'Tiếp của một.', '+ Ý nhỏ của một.', '– Hai.', '• Ba.'));
    expect(grouped.leadIns.map((item) => item.text)).toEqual(['Thực hiện các nội dung sau:']);
    expect(grouped.tasks.map((task) => [task.items.map((item) => item.text), task.continuationLines, task.standalone])).toEqual([
      [['Một.', 'Tiếp của một.', 'Ý nhỏ của một.'], [3], false],
      [['Hai.'], [], false],
      [['Ba.'], [], false],
    ]);
  });

  it('takes a paragraph before the first bullet as a task of its own, and a section without bullets as one task', () => {
    expect(groupTasks(items('Đứng riêng.', '- Có gạch.')).tasks.map((task) => task.standalone)).toEqual([true, false]);
    expect(groupTasks(items('Câu một.', 'Câu hai.')).tasks.map((task) => task.items.length)).toEqual([2]);
  });
});

describe('leading words and titles', () => {
  it('takes "Đề nghị" and "Đối với" off, but not words that begin real tasks', () => {
    expect(addresseeLine('Đề nghị Sở Du lịch Thành phố, Bưu điện Thành phố:')).toBe('Sở Du lịch Thành phố, Bưu điện Thành phố');
    expect(stripLeadingWords('Đề nghị tổ chức đối thoại.')).toBe('Tổ chức đối thoại.');
    expect(stripLeadingWords('Giao nhận hồ sơ qua bưu chính.')).toBe('Giao nhận hồ sơ qua bưu chính.');
  });

  it('gives a short title: first sentence, cut at a semicolon, shortened at a word', () => {
    expect(taskTitle('Tiếp tục tiếp tục theo dõi văn bản. Câu sau.')).toBe('Tiếp tục theo dõi văn bản');
    expect(taskTitle('Hoàn tất chuyển đổi ISO 9001:2015 trong cơ quan; duy trì hệ thống')).toBe('Hoàn tất chuyển đổi ISO 9001:2015 trong cơ quan');
    const long = taskTitle(`Rà soát ${'các quy trình nội bộ '.repeat(10)}`);
    expect(long.length).toBeLessThanOrEqual(111);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('AgencyMatcher', () => {
  it('matches full names, abbreviations, "UBND", the city suffix and old tone placement', () => {
    const codes = (header: string) => matcher.addressees(header).agencies;
    expect(codes('Giám đốc Sở TN&MT')).toEqual(['STNMT']);
    expect(codes('Sở Tài nguyên và Môi trường Thành phố')).toEqual(['STNMT']);
    expect(codes('Sở LĐ-TB&XH, Sở KH&ĐT')).toEqual(['SLDTBXH', 'SKHDT']);
    expect(codes('Văn phòng UBND TP')).toEqual(['VPUB']);
    expect(codes('Chủ tịch Uỷ ban nhân dân quận Gò Vấp và huyện Nhà Bè')).toEqual(['QGOVAP', 'HNHABE']);
    expect(codes('Cục Thuế Thành phố Hồ Chí Minh, Bưu điện TP')).toEqual(['CTHUE', 'BDTP']);
  });

  it('turns group phrases into group tags, and Thủ Đức with all districts into the whole group', () => {
    expect(matcher.addressees('Thủ trưởng các sở, ban, ngành').groups).toEqual(['departments']);
    expect(matcher.addressees('Chủ tịch UBND các quận, huyện')).toMatchObject({ agencies: [], groups: ['urban-districts', 'rural-districts'] });
    expect(matcher.addressees('Chủ tịch Ủy ban nhân dân các quận, huyện và thành phố Thủ Đức')).toMatchObject({ agencies: [], groups: ['districts'] });
    expect(matcher.addressees('Chủ tịch UBND các quận').groups).toEqual(['urban-districts']);
    expect(matcher.addressees('Chủ tịch UBND cấp huyện').groups).toEqual(['districts']);
  });

  it('reports what it cannot match, and nothing for role words alone', () => {
    expect(matcher.addressees('Giám đốc Sở Nội vụ, Giám đốc Sở An ninh mạng').unmatched).toEqual(['Sở An ninh mạng']);
    expect(matcher.addressees('Chủ tịch UBND Thành phố')).toMatchObject({ agencies: [], groups: [], unmatched: [] });
  });

  it('collapses only when the parts cover the whole group', () => {
    const directory = [
      { code: 'A', groups: ['all', 'left'] },
      { code: 'B', groups: ['all', 'left'] },
      { code: 'C', groups: ['all'] },
    ];
    expect(collapseGroups(['C'], ['left'], directory)).toEqual({ agencies: [], groups: ['all'] });
    expect(collapseGroups([], ['left'], directory)).toEqual({ agencies: [], groups: ['left'] });
  });
});

describe('findCoordination', () => {
  it('reads the agencies after "phối hợp" used as the task verb', () => {
    expect(findCoordination('Chủ trì, phối hợp với Sở Y tế, Sở GD&ĐT xây dựng quy trình liên thông cấp giấy khai sinh.', matcher)).toEqual({
      agencies: [
        { code: 'SYT', text: 'Sở Y tế' },
        { code: 'SGDDT', text: 'Sở GD&ĐT' },
      ],
      groups: [],
      unmatched: [],
    });
    // "Ban Dân vận, Ban Tuyên giáo Thành ủy": the suffix shared by a list still names both.
    expect(findCoordination('Phối hợp Ban Dân vận, Ban Tuyên giáo Thành ủy, Hội Nông dân Thành phố tổ chức hội nghị.', matcher)).toEqual({
      agencies: [
        { code: 'BDVTU', text: 'Ban Dân vận' },
        { code: 'BTGTU', text: 'Ban Tuyên giáo Thành ủy' },
      ],
      groups: [],
      unmatched: ['Hội Nông dân Thành phố'],
    });
  });

  it('leaves "phối hợp" used as a noun alone', () => {
    expect(findCoordination('Cải thiện công tác phối hợp với Sở Y tế khi cấp phép hành nghề.', matcher).agencies).toEqual([]);
    expect(findCoordination('Nêu vướng mắc trong phối hợp với Sở Xây dựng.', matcher).agencies).toEqual([]);
  });
});

describe('findCitations', () => {
  it('reads type, number and date, and infers the type from the number when the text omits it', () => {
    expect(
      findCitations(
        'Theo Kế hoạch số 2750/KH-UBND ngày 12 tháng 9 năm 2022, Quyết định 1291/QĐ-TTg ngày 7/10/2019, ' +
          'văn bản số 1234/UBND-VX, số 24/CT-TTg, Luật số 80/2015/QH13 và Luật Tiếp cận thông tin và các văn bản hướng dẫn.',
      ).map((citation) => citation.text),
    ).toEqual([
      'Kế hoạch số 2750/KH-UBND ngày 12/09/2022',
      'Quyết định số 1291/QĐ-TTg ngày 07/10/2019',
      'Văn bản số 1234/UBND-VX',
      'Chỉ thị số 24/CT-TTg',
      'Luật số 80/2015/QH13',
      'Luật Tiếp cận thông tin',
    ]);
  });
});

describe('findKpiTargets', () => {
  const read = (text: string) => findKpiTargets(text).map((found) => found.target);

  it('reads each comparator', () => {
    const comparators = (text: string) => read(text).map((target) => [target.comparator, target.threshold]);
    expect(comparators('Tỷ lệ trễ hạn dưới 0,3%.')).toEqual([['lt', 0.3]]);
    expect(comparators('Tỷ lệ trễ hạn không quá 1%.')).toEqual([['lte', 1]]);
    expect(comparators('Tỷ lệ đúng hạn trên 95%.')).toEqual([['gt', 95]]);
    expect(comparators('Tỷ lệ đúng hạn từ 96% trở lên.')).toEqual([['gte', 96]]);
    expect(comparators('Tỷ lệ hài lòng không dưới 90%.')).toEqual([['gte', 90]]);
    expect(comparators('Tỷ lệ số hóa bằng 100%.')).toEqual([['eq', 100]]);
    expect(comparators('Tỷ lệ trực tuyến từ 30% đến 50%.')).toEqual([['gte', 30], ['lte', 50]]);
  });

  it('keeps a qualifying percentage inside the indicator of the target it qualifies', () => {
    expect(
      read('Đưa tỷ lệ hồ sơ quá hạn xuống dưới 0,5% tổng số hồ sơ nhận được và trên 85% các phòng chuyên môn trả kết quả đúng hạn từ 97% trở lên trong năm 2023.'),
    ).toEqual([
      { indicator: 'Tỷ lệ hồ sơ quá hạn trên tổng số hồ sơ nhận được', comparator: 'lt', threshold: 0.5, unit: '%', period: 'năm 2023' },
      { indicator: 'Tỷ lệ phòng chuyên môn trả kết quả đúng hạn từ 97% trở lên', comparator: 'gt', threshold: 85, unit: '%', period: 'năm 2023' },
    ]);
  });

  it('flags a percentage without a comparator', () => {
    expect(findKpiTargets('Phấn đấu 100% hồ sơ được số hóa.')).toEqual([
      {
        target: { indicator: 'Tỷ lệ hồ sơ được số hóa', comparator: 'gte', threshold: 100, unit: '%' },
        source: 'Phấn đấu 100%',
        comparatorAssumed: true,
        indicatorAssumed: false,
      },
    ]);
  });
});

describe('findDeadline', () => {
  it.each([
    ['Báo cáo trước ngày 15/12/2021.', { kind: 'fixedDate', date: '2021-12-15' }],
    ['Hoàn thành chậm nhất ngày 5 tháng 1 năm 2022.', { kind: 'fixedDate', date: '2022-01-05' }],
    ['Hoàn thành trong năm 2021.', { kind: 'fixedDate', date: '2021-12-31' }],
    ['Triển khai trong quý III năm 2022.', { kind: 'fixedDate', date: '2022-09-30' }],
    ['Triển khai trong tháng 2/2024.', { kind: 'fixedDate', date: '2024-02-29' }],
    ['Báo cáo trong thời hạn 15 ngày làm việc.', { kind: 'workingDaysAfterLaunch', workingDays: 15 }],
    ['Báo cáo trong vòng 30 ngày.', { kind: 'daysAfterLaunch', days: 30 }],
  ])('%s', (text, rule) => {
    expect(findDeadline(text)?.rule).toEqual(rule);
  });

  it('finds none where the text sets none, or names an impossible day', () => {
    expect(findDeadline('Tiếp tục thực hiện trong thời gian tới.')).toBeUndefined();
    expect(findDeadline('Báo cáo trước ngày 31/02/2022.')).toBeUndefined();
  });
});

/**
 * A .docx round trip: a Word file built here at run time (buildDocx.ts, a stored ZIP) is read by
 * docxToText and imported. Word's automatic numbering and bullets, which mammoth's plain-text
 * output would lose, come through as "1." and "-"; typed dashes still work.
 */
import { docxToText } from '../../../src/importer/docxText';
import { importDirective } from '../../../src/importer/importDirective';
import { buildDocx } from './buildDocx';
import { shippedDirectory } from './directory';

describe('docxToText', () => {
  it('reads paragraphs, automatic numbering and bullets', async () => {
    const docx = buildDocx([
      'Một số nhiệm vụ cải cách hành chính & chuyển đổi số',
      { text: 'Sở Nội vụ', list: 'numbered' },
      { text: 'Rà soát quy chế làm việc.', list: 'bulleted' },
      'Báo cáo kết quả về Văn phòng UBND Thành phố.',
      { text: 'Sở Tư pháp', list: 'numbered' },
      '- Hướng dẫn xây dựng văn bản quy phạm pháp luật.',
    ]);
    const { text, warnings } = await docxToText(docx);
    expect(warnings).toEqual([]);
    expect(text.split('\n')).toEqual([
      'Một số nhiệm vụ cải cách hành chính & chuyển đổi số',
      '1. Sở Nội vụ',
      '- Rà soát quy chế làm việc.',
      'Báo cáo kết quả về Văn phòng UBND Thành phố.',
      '2. Sở Tư pháp',
      '- Hướng dẫn xây dựng văn bản quy phạm pháp luật.',
    ]);
  });

  it('gives the importer the same sections and tasks as the text would', async () => {
    const paragraphs = [
      'Quay lại',
      'Một số nhiệm vụ trọng tâm về cải cách hành chính năm 2023',
      { text: 'Thủ trưởng sở, ban, ngành', list: 'numbered' as const },
      { text: 'Tổ chức khảo sát sự hài lòng của người dân, bảo đảm tỷ lệ hài lòng trên 85%.', list: 'bulleted' as const },
      { text: 'Cập nhật danh mục thủ tục hành chính theo Quyết định số 12/QĐ-UBND ngày 05/01/2023.', list: 'bulleted' as const },
      { text: 'Đề nghị Cục Thuế Thành phố', list: 'numbered' as const },
      'Phối hợp với Sở Tài chính triển khai hóa đơn điện tử./.',
    ];
    const { text } = await docxToText(buildDocx(paragraphs));
    const { draft, report } = importDirective(text, { directory: shippedDirectory() });
    expect(
      draft.campaign.sections.map((section) => ({
        number: section.number,
        addressees: section.addressees,
        tasks: section.tasks.map((task) => ({ title: task.title, coordinatingAgencies: task.coordinatingAgencies, citations: task.citations, kpi: task.kpiTargets.length })),
      })),
    ).toEqual([
      {
        number: 1,
        addressees: { agencies: [], groups: ['departments'] },
        tasks: [
          { title: 'Tổ chức khảo sát sự hài lòng của người dân, bảo đảm tỷ lệ hài lòng trên 85%', coordinatingAgencies: [], citations: [], kpi: 1 },
          {
            title: 'Cập nhật danh mục thủ tục hành chính theo Quyết định số 12/QĐ-UBND ngày 05/01/2023',
            coordinatingAgencies: [],
            citations: ['Quyết định số 12/QĐ-UBND ngày 05/01/2023'],
            kpi: 0,
          },
        ],
      },
      {
        number: 2,
        addressees: { agencies: ['CTHUE'], groups: [] },
        tasks: [{ title: 'Phối hợp với Sở Tài chính triển khai hóa đơn điện tử', coordinatingAgencies: ['STC'], citations: [], kpi: 0 }],
      },
    ]);
    expect(report.placements.filter((placement) => placement.to.kind === 'ignored').map((placement) => placement.text)).toEqual([
      'Quay lại',
      'Một số nhiệm vụ trọng tâm về cải cách hành chính năm 2023',
    ]);
  });

  it('refuses a file that is not a Word document', async () => {
    await expect(docxToText(Buffer.from('không phải tệp Word'))).rejects.toThrow();
  });
});

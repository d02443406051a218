/** How a directive is cited: its kind read from the số ký hiệu, or by issuer and date when it has none. */
import { citeDirective } from '../../src/mail/directiveCitation';
import { letterDateText } from '../../src/mail/formalLetter';

const directive = (number: string, title = 'Triển khai thực hiện chuyển đổi số') => ({ number, date: '2021-11-05', issuer: 'UBND Thành phố', title });

describe('citing a directive', () => {
  it('names the kind of document from its ký hiệu, the year of a legal document skipped', () => {
    expect(citeDirective(directive('3210/UBND-ĐT')).kind).toBe('Công văn');
    expect(citeDirective(directive('3595/KH-UBND')).kind).toBe('Kế hoạch');
    expect(citeDirective(directive('09/2019/NĐ-CP')).kind).toBe('Nghị định');
    expect(citeDirective(directive('468/QĐ-TTg')).kind).toBe('Quyết định');
  });

  it('cites a numbered directive with number, date, issuer and subject', () => {
    expect(citeDirective(directive('3210/UBND-ĐT')).citation).toBe('Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND Thành phố về việc triển khai thực hiện chuyển đổi số');
    expect(citeDirective(directive('3210/UBND-ĐT', 'V/v UBND Thành phố giao chỉ tiêu')).citation).toMatch(/về việc UBND Thành phố giao chỉ tiêu$/);
  });

  it('cites one without a number by its issuer and date, never printing what stands in for the number', () => {
    for (const number of ['(chưa ghi số - cần bổ sung)', '...']) {
      const cited = citeDirective(directive(number));
      expect(cited.number).toBeNull();
      expect(cited.citation).toBe('văn bản ngày 05/11/2021 của UBND Thành phố về việc triển khai thực hiện chuyển đổi số');
    }
  });

  it('dates a letter as Decree 30/2020 writes it: a zero before days under 10 and months 1 and 2 only', () => {
    expect(letterDateText('2020-03-05')).toBe('ngày 05 tháng 3 năm 2020');
    expect(letterDateText('2022-02-25')).toBe('ngày 25 tháng 02 năm 2022');
    expect(letterDateText('2026-12-01')).toBe('ngày 01 tháng 12 năm 2026');
  });
});

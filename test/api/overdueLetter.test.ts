/**
 * The văn bản đôn đốc on demand, over real HTTP against the whole engine: from the API (PDF or
 * .docx by `format` or Accept, secretariat only, documented in the OpenAPI) and from the portal
 * (links on /qua-han for the secretariat, the file behind them, refused to an agency). The letter
 * lists what the agency owes past its deadline as of today, and nothing else.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import mammoth from 'mammoth';
import { launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { signInAs, type PortalSession } from '../helpers/portalSession';
import { PortalBrowser } from '../portal/portalHttp';

const KEY = 'ddoc-letter';
const SIGNER = 'Phạm Minh Đức';
const LETTER = `/api/v1/campaigns/${KEY}/agencies/STNMT/overdue-letter`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A calendar day `days` from today in Vietnam. */
const dayFromToday = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

function pdfText(pdf: Buffer): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdfText.mjs')], { input: pdf, maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(out.toString('utf8')) as { pages: string[][] }).pages;
}

describe('the văn bản đôn đốc on demand', () => {
  let api: ApiHarness;
  let secretariat: PortalSession;
  let agency: PortalSession;

  async function download(pathAndQuery: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${api.baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${api.tokens.secretariat}`, ...headers } });
    return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', body: Buffer.from(await response.arrayBuffer()) };
  }

  beforeAll(async () => {
    api = await startApiHarness({ letter: { signerName: SIGNER, signerTitle: 'PHÓ TRƯỞNG BAN', signingAuthority: 'KT. TRƯỞNG BAN' } });
    await launchTestCampaign(api, {
      key: KEY,
      title: 'Đôn đốc bằng văn bản',
      sections: [
        {
          number: 1,
          title: 'Giám đốc Sở TN&MT',
          addressees: { agencies: ['STNMT'] },
          tasks: [
            { title: 'Số hóa hồ sơ địa chính', deadline: { kind: 'fixedDate', date: dayFromToday(-20) } },
            { title: 'Rà soát thủ tục đất đai', deadline: { kind: 'fixedDate', date: dayFromToday(-10) } },
            { title: 'Báo cáo năm', deadline: { kind: 'fixedDate', date: dayFromToday(40) } },
          ],
        },
        { number: 2, title: 'Chủ tịch UBND Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Niêm yết thủ tục' }] },
      ],
    });
    secretariat = await signInAs(api.engine, { email: 'thuongtruc@sonoivu.example', role: 'secretariat', name: 'Phạm Thu Hà' });
    agency = await signInAs(api.engine, { email: 'daumoi@stnmt.example', role: 'agency', agencyCode: 'STNMT', name: 'Trần Thị Bình' });
  });
  afterAll(() => api?.stop());

  it('gives the secretariat a one-page PDF listing the agency’s overdue tasks, signed by the configured signer', async () => {
    const response = await download(LETTER);
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/pdf');
    expect(response.disposition).toMatch(new RegExp(`attachment; filename="van-ban-don-doc-${KEY}-STNMT-\\d{4}-\\d{2}-\\d{2}\\.pdf"`));
    const pages = pdfText(response.body);
    expect(pages).toHaveLength(1);
    const text = pages[0]!.join(' ');
    expect(text).toContain('Kính gửi: Sở Tài nguyên và Môi trường');
    expect(text).toContain('Thực hiện Kế hoạch số 1/KH-SNV');
    expect(text).toContain(`(mã ${KEY}.s1.t1.STNMT)`);
    expect(text).toContain(`(mã ${KEY}.s1.t2.STNMT)`);
    // Not overdue yet: not in the letter.
    expect(text).not.toContain(`${KEY}.s1.t3.STNMT`);
    expect(text).toContain('còn 2 nhiệm vụ đã quá hạn');
    expect(pages[0]).toEqual(expect.arrayContaining(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', SIGNER]));
  });

  it('gives the same letter as a .docx, by format or by Accept', async () => {
    for (const response of [await download(`${LETTER}?format=docx`), await download(LETTER, { Accept: DOCX })]) {
      expect(response.status).toBe(200);
      expect(response.type).toBe(DOCX);
      expect(response.disposition).toContain('.docx"');
      const { value } = await mammoth.extractRawText({ buffer: response.body });
      const text = value.replace(/\u2011/g, '-').replace(/[\u00a0\s]+/g, ' ');
      expect(text).toContain('Kính gửi: Sở Tài nguyên và Môi trường');
      expect(text).toContain(`(mã ${KEY}.s1.t1.STNMT)`);
      expect(text).not.toContain(`${KEY}.s1.t3.STNMT`);
      expect(text).toContain(SIGNER);
    }
  });

  it('refuses what it cannot give, in Vietnamese problem+json', async () => {
    const cases: [string, Record<string, string>, number][] = [
      [LETTER, { Accept: 'application/json' }, 406],
      [`/api/v1/campaigns/${KEY}/agencies/Q1/overdue-letter`, {}, 409],
      [`/api/v1/campaigns/${KEY}/agencies/KHONGCO/overdue-letter`, {}, 404],
      [`/api/v1/campaigns/khong-co/agencies/STNMT/overdue-letter`, {}, 404],
      [`${LETTER}?format=odt`, {}, 422],
    ];
    for (const [url, headers, status] of cases) {
      const response = await download(url, headers);
      expect({ url, status: response.status }).toEqual({ url, status });
      expect(response.type).toContain('application/problem+json');
    }
    const nothing = JSON.parse((await download(`/api/v1/campaigns/${KEY}/agencies/Q1/overdue-letter`)).body.toString('utf8'));
    expect(nothing.detail).toContain('Ủy ban nhân dân Quận 1 không có nhiệm vụ quá hạn nào');
  });

  it('is for the secretariat only: an agency, even the addressee, and the People’s Committee get 403', async () => {
    for (const token of [api.tokens.STNMT, api.tokens.Q1, api.tokens.committee]) {
      const response = await api.call('GET', LETTER, { token });
      expect(response.status).toBe(403);
    }
  });

  it('is documented in the OpenAPI document with both formats', async () => {
    const document = (await api.call('GET', '/api/v1/openapi.json')).body;
    const operation = document.paths['/api/v1/campaigns/{key}/agencies/{code}/overdue-letter'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['application/pdf', DOCX]);
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['key', 'code', 'format']);
  });

  it('is linked from the secretariat’s overdue page, and the links give the files', async () => {
    const browser = new PortalBrowser(api.baseUrl, secretariat.cookie);
    const page = await browser.get('/qua-han');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Văn bản đôn đốc');
    const pdfLink = `/ke-hoach/${KEY}/van-ban-don-doc/STNMT`;
    expect(page.text).toContain(`href="${pdfLink}"`);
    expect(page.text).toContain(`href="${pdfLink}?dang=docx"`);
    // Q1 owes nothing overdue: no letter offered.
    expect(page.text).not.toContain(`/van-ban-don-doc/Q1`);
    const pdf = await fetch(`${api.baseUrl}${pdfLink}`, { headers: { Cookie: secretariat.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(Buffer.from(await pdf.arrayBuffer())).flat()).toContain(SIGNER);
    const docx = await fetch(`${api.baseUrl}${pdfLink}?dang=docx`, { headers: { Cookie: secretariat.cookie } });
    expect(docx.headers.get('content-type')).toBe(DOCX);
  });

  it('is linked from the campaign page when the secretariat filters by one agency', async () => {
    const secretariatPage = await new PortalBrowser(api.baseUrl, secretariat.cookie).get(`/ke-hoach/${KEY}?co_quan=STNMT`);
    expect(secretariatPage.text).toContain(`href="/ke-hoach/${KEY}/van-ban-don-doc/STNMT?dang=docx"`);
    const agencyPage = await new PortalBrowser(api.baseUrl, agency.cookie).get(`/ke-hoach/${KEY}?co_quan=STNMT`);
    expect(agencyPage.status).toBe(200);
    expect(agencyPage.text).not.toContain('van-ban-don-doc');
  });

  it('refuses the letter page to an agency, and shows none of its links', async () => {
    const browser = new PortalBrowser(api.baseUrl, agency.cookie);
    const refused = await browser.get(`/ke-hoach/${KEY}/van-ban-don-doc/STNMT`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Chỉ Thường trực Ban Chỉ đạo');
    const overdue = await browser.get('/qua-han');
    expect(overdue.status).toBe(200);
    expect(overdue.text).not.toContain('van-ban-don-doc');
  });
});

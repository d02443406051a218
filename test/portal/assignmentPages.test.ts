/**
 * The portal's pages over real HTTP against the real engine (Temporal, FerretDB): what each role
 * sees and may do, forms that refuse with the engine's reason and keep what was typed, the check
 * step before reassigning or cancelling, evidence files, coordination notes (page and API), the
 * search without diacritics and the CSV export. Sessions come from the real sign-in (signInAs).
 */
import { eventually, launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { signInAs, type PortalSession } from '../helpers/portalSession';
import { samplePdf } from '../fixtures/evidenceFiles';

const LEAD = 'tc-2026.s1.t1.STNMT';
const SECOND = 'tc-2026.s1.t2.STNMT';
const OTHER = 'tc-2026.s2.t1.SXD';

interface PageResponse {
  status: number;
  text: string;
  location: string | null;
  headers: Headers;
}

describe('portal pages', () => {
  let api: ApiHarness;
  let as: Record<'lead' | 'coordinator' | 'other' | 'secretariat' | 'committee', PortalSession>;

  beforeAll(async () => {
    // A campaign page lists a campaign of more than two assignments only once narrowed (the
    // limit is 1,000 in use; tc-2026 has three).
    api = await startApiHarness({ portal: { campaignListLimit: 2 } });
    await launchTestCampaign(api, {
      key: 'tc-2026',
      title: 'Kế hoạch chuyển đổi số năm 2026',
      sections: [
        {
          number: 1,
          title: 'Giám đốc Sở Tài nguyên và Môi trường',
          addressees: { agencies: ['STNMT'] },
          tasks: [{ title: 'Chuyển đổi số hồ sơ đất đai', coordinatingAgencies: ['SNV'] }, { title: 'Giảm tỷ lệ hồ sơ trễ hạn' }],
        },
        { number: 2, title: 'Giám đốc Sở Xây dựng', addressees: { agencies: ['SXD'] }, tasks: [{ title: 'Số hóa giấy phép xây dựng' }] },
      ],
    });
    as = {
      lead: await signInAs(api.engine, { email: 'a@stnmt.example', role: 'agency', agencyCode: 'STNMT', name: 'Trần Thị Bình' }),
      coordinator: await signInAs(api.engine, { email: 'b@snv.example', role: 'agency', agencyCode: 'SNV', name: 'Ngô Minh' }),
      other: await signInAs(api.engine, { email: 'c@sxd.example', role: 'agency', agencyCode: 'SXD', name: 'Vũ Lan' }),
      secretariat: await signInAs(api.engine, { email: 'd@sonoivu.example', role: 'secretariat', name: 'Phạm Thu Hà' }),
      committee: await signInAs(api.engine, { email: 'e@ubnd.example', role: 'committee', agencyCode: 'SNV', name: 'Hoàng Nam' }),
    };
  });
  afterAll(() => api?.stop());

  async function get(who: keyof typeof as, path: string): Promise<PageResponse> {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: { Cookie: as[who].cookie }, redirect: 'manual' });
    return { status: response.status, text: await response.text(), location: response.headers.get('location'), headers: response.headers };
  }

  async function post(who: keyof typeof as, path: string, fields: Record<string, string>, files: { field: string; name: string; bytes: Buffer; type: string }[] = []) {
    const all = { _csrf: as[who].csrfToken, ...fields };
    let body: FormData | URLSearchParams = new URLSearchParams(all);
    if (files.length) {
      const form = new FormData();
      for (const [name, value] of Object.entries(all)) form.set(name, value);
      for (const file of files) form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      body = form;
    }
    const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: { Cookie: as[who].cookie }, body, redirect: 'manual' });
    return { status: response.status, text: await response.text(), location: response.headers.get('location'), headers: response.headers };
  }

  const eventTypes = async (id: string) => (await api.engine.db.events.find({ assignmentId: id }).sort({ seq: 1 }).lean()).map((e) => e.type);

  it('lists an agency its own and coordinated assignments, grouped, with working days left, never another agency’s', async () => {
    const lead = await get('lead', '/nhiem-vu');
    expect(lead.status).toBe(200);
    expect(lead.text).toContain('Chuyển đổi số hồ sơ đất đai');
    expect(lead.text).toContain('Đang thực hiện trong hạn');
    expect(lead.text).toMatch(/Còn \d+ ngày làm việc/);
    expect(lead.text).not.toContain('Số hóa giấy phép xây dựng');
    const coordinator = await get('coordinator', '/nhiem-vu');
    expect(coordinator.text).toContain('Chuyển đổi số hồ sơ đất đai');
    expect(coordinator.text).toContain('Phối hợp');
    expect(coordinator.text).not.toContain('Giảm tỷ lệ hồ sơ trễ hạn');
  });

  it('finds "chuyển đổi" when searched without diacritics, and filters by category', async () => {
    const found = await get('lead', '/nhiem-vu?q=chuyen+doi');
    expect(found.text).toContain('Chuyển đổi số hồ sơ đất đai');
    expect(found.text).not.toContain('Giảm tỷ lệ hồ sơ trễ hạn');
    expect(found.text).toContain('value="chuyen doi"');
    const overdue = await get('lead', '/nhiem-vu?nhom=overdue');
    expect(overdue.text).toContain('Không có nhiệm vụ nào khớp');
  });

  it('shows the task, its agencies by name and its timeline; 404 to an agency that may not see it', async () => {
    const page = await get('lead', `/nhiem-vu/${LEAD}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sở Tài nguyên và Môi trường');
    expect(page.text).toContain('Sở Nội vụ');
    expect(page.text).toContain('Giao nhiệm vụ');
    expect(page.text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect((await get('other', `/nhiem-vu/${LEAD}`)).status).toBe(404);
    expect((await get('other', `/nhiem-vu/does-not-exist`)).status).toBe(404);
  });

  it('gives the coordinator the page read-only, with a coordination note recorded as an event (page and API)', async () => {
    const page = await get('coordinator', `/nhiem-vu/${LEAD}`);
    expect(page.text).toContain('phối hợp thực hiện nhiệm vụ này');
    expect(page.text).not.toContain('/tiep-nhan"');
    expect(page.text).toContain('/y-kien-phoi-hop"');
    const refused = await post('coordinator', `/nhiem-vu/${LEAD}/tiep-nhan`, {});
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('chỉ phối hợp');

    const empty = await post('coordinator', `/nhiem-vu/${LEAD}/y-kien-phoi-hop`, { 'y-kien-phoi-hop': '  ' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('href="#y-kien-phoi-hop"');
    const added = await post('coordinator', `/nhiem-vu/${LEAD}/y-kien-phoi-hop`, { 'y-kien-phoi-hop': 'Sở Nội vụ đã gửi danh sách công chức phụ trách.' });
    expect(added.status).toBe(303);
    const timeline = (await get('lead', `/nhiem-vu/${LEAD}`)).text;
    // The timeline names agencies as people know them, not by their codes.
    expect(timeline).toContain('Ý kiến phối hợp của Sở Nội vụ: Sở Nội vụ đã gửi danh sách công chức phụ trách.');
    expect(timeline).toContain('Giao cho Sở Tài nguyên và Môi trường, hạn');

    const viaApi = await api.call('POST', `/api/v1/assignments/${LEAD}/addCoordinationNote`, { token: api.tokens.SNV, json: { note: 'Đã có số liệu quý 1.' } });
    expect(viaApi.status).toBe(200);
    const byLead = await api.call('POST', `/api/v1/assignments/${LEAD}/addCoordinationNote`, { token: api.tokens.STNMT, json: { note: 'x' } });
    expect(byLead.status).toBe(403);
    expect((await eventTypes(LEAD)).filter((type) => type === 'CoordinationNoteAdded')).toHaveLength(2);
  });

  it('shows a refusal of the engine on the form, with what was typed kept, and records nothing', async () => {
    const before = await eventTypes(SECOND);
    const refused = await post('lead', `/nhiem-vu/${SECOND}/xin-gia-han`, { 'ngay-de-nghi': '01/01/2020', 'ly-do-gia-han': 'Chờ phần mềm mới' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Ngày gia hạn 01/01/2020 đã qua.');
    expect(refused.text).toContain('value="01/01/2020"');
    expect(refused.text).toContain('Chờ phần mềm mới</textarea>');
    const unreadable = await post('lead', `/nhiem-vu/${SECOND}/xin-gia-han`, { 'ngay-de-nghi': '31/02/2027', 'ly-do-gia-han': '' });
    expect(unreadable.text).toContain('href="#ngay-de-nghi"');
    expect(unreadable.text).toContain('href="#ly-do-gia-han"');
    expect(await eventTypes(SECOND)).toEqual(before);
  });

  it('refuses an evidence file that is not what it claims, on its field, and stores the result with a real PDF', async () => {
    const fake = await post('lead', `/nhiem-vu/${SECOND}/gui-ket-qua`, { 'tom-tat': 'Xong' }, [
      { field: 'tep-minh-chung', name: 'bao-cao.pdf', bytes: Buffer.from('<html><script>alert(1)</script>'), type: 'application/pdf' },
    ]);
    expect(fake.status).toBe(422);
    expect(fake.text).toContain('href="#tep-minh-chung"');
    expect(fake.text).toContain('không phải PDF, Word');
    expect(await eventTypes(SECOND)).not.toContain('ResultSubmitted');

    const sent = await post('lead', `/nhiem-vu/${SECOND}/gui-ket-qua`, { 'tom-tat': 'Tỷ lệ trễ hạn còn 0,3%', 'duong-dan': 'https://stnmt.example/bao-cao' }, [
      { field: 'tep-minh-chung', name: 'Kết quả quý 1.pdf', bytes: samplePdf(), type: 'application/pdf' },
    ]);
    expect(sent.status).toBe(303);
    const page = await get('lead', `/nhiem-vu/${SECOND}`);
    const href = /href="(\/nhiem-vu\/[^"]+\/minh-chung\/[0-9a-f]{24})"/.exec(page.text)?.[1];
    expect(page.text).toContain('Kết quả quý 1.pdf');
    const download = await get('secretariat', href!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''K%E1%BA%BFt");
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('other', href!)).status).toBe(404);
  });

  it('lets the secretariat return for rework only with a reason, and decide from the queue', async () => {
    const queue = await get('secretariat', '/can-xu-ly');
    expect(queue.text).toContain('Kết quả chờ công nhận (1)');
    expect(queue.text).toContain('Giảm tỷ lệ hồ sơ trễ hạn');
    const noReason = await post('secretariat', `/nhiem-vu/${SECOND}/tra-lai`, { 'ly-do-tra-lai': '' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('Hãy nêu lý do trả lại.');
    const returned = await post('secretariat', `/nhiem-vu/${SECOND}/tra-lai`, { 'ly-do-tra-lai': 'Thiếu số liệu quận 3' });
    expect(returned.status).toBe(303);
    expect((await eventTypes(SECOND)).at(-1)).toBe('Returned');
    expect((await get('lead', `/nhiem-vu/${SECOND}`)).text).toContain('Thiếu số liệu quận 3');
  });

  it('takes an extension request to the queue, and the secretariat grants another date, keeping the original', async () => {
    const asked = await post('lead', `/nhiem-vu/${SECOND}/xin-gia-han`, { 'ngay-de-nghi': '29/01/2027', 'ly-do-gia-han': 'Chờ số liệu quận 3' });
    expect(asked.status).toBe(303);
    const queue = await get('secretariat', '/can-xu-ly');
    expect(queue.text).toContain('Đề nghị gia hạn chờ quyết định (1)');
    expect(queue.text).toContain('Chờ số liệu quận 3');
    const unchosen = await post('secretariat', `/nhiem-vu/${SECOND}/quyet-dinh-gia-han`, {});
    expect(unchosen.status).toBe(422);
    expect(unchosen.text).toContain('Hãy chọn đồng ý hoặc không đồng ý gia hạn.');
    const granted = await post('secretariat', `/nhiem-vu/${SECOND}/quyet-dinh-gia-han`, { 'quyet-dinh': 'dong-y', 'ngay-gia-han': '26/02/2027' });
    expect(granted.status).toBe(303);
    const page = await get('lead', `/nhiem-vu/${SECOND}`);
    expect(page.text).toContain('Hạn mới 26/02/2027');
    expect(page.text).toMatch(/Hạn ban đầu: \d{2}\/\d{2}\/\d{4}/);
    expect((await get('secretariat', '/can-xu-ly')).text).toContain('Đề nghị gia hạn chờ quyết định (0)');
  });

  it('asks the secretariat to check before reassigning or cancelling, and does nothing until confirmed', async () => {
    const before = await eventTypes(OTHER);
    const check = await post('secretariat', `/nhiem-vu/${OTHER}/giao-lai`, { 'co-quan-moi': 'Q1', 'y-kien-giao-lai': 'Đúng thẩm quyền' });
    expect(check.status).toBe(200);
    expect(check.text).toContain('Kiểm tra trước khi giao lại');
    expect(check.text).toContain('Ủy ban nhân dân Quận 1');
    expect(await eventTypes(OTHER)).toEqual(before);
    const back = await post('secretariat', `/nhiem-vu/${OTHER}/giao-lai`, { 'co-quan-moi': 'Q1', 'y-kien-giao-lai': 'Đúng thẩm quyền', 'xac-nhan': 'sua' });
    expect(back.text).toContain('Đúng thẩm quyền</textarea>');
    const confirmed = await post('secretariat', `/nhiem-vu/${OTHER}/giao-lai`, { 'co-quan-moi': 'Q1', 'y-kien-giao-lai': 'Đúng thẩm quyền', 'xac-nhan': 'co' });
    expect(confirmed.status).toBe(303);
    expect((await eventTypes(OTHER)).at(-1)).toBe('Reassigned');

    const cancelCheck = await post('secretariat', `/nhiem-vu/${OTHER}/huy`, { 'ly-do-huy': 'Trùng nhiệm vụ' });
    expect(cancelCheck.text).toContain('Kiểm tra trước khi hủy nhiệm vụ');
    expect((await eventTypes(OTHER)).at(-1)).toBe('Reassigned');
    await post('secretariat', `/nhiem-vu/${OTHER}/huy`, { 'ly-do-huy': 'Trùng nhiệm vụ', 'xac-nhan': 'co' });
    expect((await eventTypes(OTHER)).at(-1)).toBe('Cancelled');
  });

  it('lets the Committee read campaigns and the overdue list, and change nothing', async () => {
    const campaign = await get('committee', '/ke-hoach/tc-2026');
    expect(campaign.status).toBe(200);
    expect(campaign.text).toContain('Mục 1. Giám đốc Sở Tài nguyên và Môi trường');
    // A campaign larger than the page lists in full: counts, and a request to narrow first.
    expect(campaign.text).toContain('Kế hoạch có 3 nhiệm vụ. Hãy chọn một mục, một cơ quan hoặc một nhóm');
    expect(campaign.text).not.toContain(`/nhiem-vu/${LEAD}"`);
    const section = await get('committee', '/ke-hoach/tc-2026?muc=1');
    expect(section.text).toContain(`/nhiem-vu/${LEAD}"`);
    expect(section.text).toContain(`/nhiem-vu/${SECOND}"`);
    expect(section.text).not.toContain(`/nhiem-vu/${OTHER}"`);
    // OTHER was reassigned from SXD to Q1 (and cancelled) by the test before.
    const agency = await get('committee', '/ke-hoach/tc-2026?co_quan=Q1');
    expect(agency.text).toContain(`/nhiem-vu/${OTHER}"`);
    expect(agency.text).toContain('<option value="Q1" selected');
    expect(agency.text).not.toContain('<option value="SXD"');
    expect((await get('committee', '/qua-han')).text).toContain('Không có nhiệm vụ nào quá hạn.');
    expect((await get('committee', `/nhiem-vu/${LEAD}`)).text).not.toContain('<form method="post" action="/nhiem-vu/');
    const refused = await post('committee', `/nhiem-vu/${LEAD}/cong-nhan`, {});
    expect(refused.status).toBe(403);
    expect((await get('committee', '/can-xu-ly')).status).toBe(403);
  });

  it('exports a campaign’s assignments as CSV for Excel, with the same filters and visibility', async () => {
    const all = await get('secretariat', '/ke-hoach/tc-2026/nhiem-vu.csv');
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.headers.get('content-disposition')).toContain('attachment');
    const raw = Buffer.from(await (await fetch(`${api.baseUrl}/ke-hoach/tc-2026/nhiem-vu.csv`, { headers: { Cookie: as.secretariat.cookie } })).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(all.text.split('\r\n').filter(Boolean)).toHaveLength(4);
    const agencyView = await get('other', '/ke-hoach/tc-2026/nhiem-vu.csv');
    expect(agencyView.text).not.toContain(LEAD);
    // An agency sees only its own sections of a campaign, and no campaign it has no part in.
    const ownPart = await get('lead', '/ke-hoach/tc-2026');
    expect(ownPart.text).toContain('Mục 1. Giám đốc Sở Tài nguyên và Môi trường');
    expect(ownPart.text).not.toContain('Số hóa giấy phép xây dựng');
    await launchTestCampaign(api, { key: 'tc-khac', sections: [{ number: 1, title: 'Sở Xây dựng', addressees: { agencies: ['SXD'] }, tasks: [{ title: 'Việc riêng' }] }] });
    expect((await get('lead', '/ke-hoach/tc-khac')).status).toBe(404);
    expect((await get('lead', '/ke-hoach/tc-khac/nhiem-vu.csv')).status).toBe(404);
    expect((await get('lead', '/ke-hoach')).text).not.toContain('tc-khac');
    const filtered = await get('secretariat', '/ke-hoach/tc-2026/nhiem-vu.csv?muc=2');
    expect(filtered.text.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('shows the agency its accepted result as completed on time', async () => {
    await post('lead', `/nhiem-vu/${LEAD}/gui-ket-qua`, { 'tom-tat': 'Đã số hóa toàn bộ hồ sơ' });
    await post('secretariat', `/nhiem-vu/${LEAD}/cong-nhan`, {});
    await eventually(() => eventTypes(LEAD), (types) => types.at(-1) === 'Accepted');
    const list = await get('lead', '/nhiem-vu?nhom=completedOnTime');
    expect(list.text).toContain('Chuyển đổi số hồ sơ đất đai');

    // Once accepted, a result posted again is refused before any file is stored.
    const files = () => api.engine.db.connection.collection('evidence.files').countDocuments({});
    const before = await files();
    const late = await post('lead', `/nhiem-vu/${LEAD}/gui-ket-qua`, { 'tom-tat': 'Bản bổ sung' }, [
      { field: 'tep-minh-chung', name: 'bo-sung.pdf', bytes: samplePdf(), type: 'application/pdf' },
    ]);
    expect(late.status).toBe(409);
    expect(late.text).toContain('Không thể thực hiện: nhiệm vụ đã được công nhận hoàn thành.');
    expect(await files()).toBe(before);
  });
});

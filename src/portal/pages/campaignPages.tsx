/**
 * /ke-hoach: the campaigns; /ke-hoach/:key: one campaign with its sections and tasks counted in
 * the four categories, and its assignments with filters (section, agency, category, search); a
 * campaign larger than `campaignListLimit` is listed once narrowed by section, agency or category;
 * /ke-hoach/:key/nhiem-vu.csv: the same filtered list for Excel. Read-only for everyone; the
 * secretariat, filtering by one agency, also gets that agency's văn bản đôn đốc (letterPage.tsx).
 */
import { Router } from 'express';
import type { PortalDeps } from '../session/portalDeps';
import { mayReadCampaign } from '../../services/campaignAccess';
import { assignmentsCsv, campaignList, campaignOverview } from '../../services/campaignOverview';
import { filterAssignments, findAssignments, matchingAssignments, readFilters, toRows, visibleAssignments, type AssignmentFilters } from '../../services/portalQueries';
import { sendPage } from '../render';
import { AssignmentTable } from '../views/AssignmentTable';
import { CountsTable } from '../views/CountsTable';
import { dateText } from '../views/format';
import { SelectField } from '../views/Fields';
import { Layout } from '../views/Layout';
import { CategoryFilter, SearchBox } from '../views/ListFilters';
import { NotFoundPage } from '../views/MessagePage';
import { requireSignIn } from '../session/requireSignIn';
import { letterPath } from './letterPage';
import { pageContext } from './pageContext';
import { calendarDecisionNotice } from '../../services/calendarService';
import { CalendarWarning } from '../views/CalendarWarning';

const PAGE_SIZE = 100;

function filterQuery(filters: AssignmentFilters, page?: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.section) params.set('muc', String(filters.section));
  if (filters.agency) params.set('co_quan', filters.agency);
  if (filters.category) params.set('nhom', filters.category);
  if (page && page > 1) params.set('trang', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function campaignPages(deps: Pick<PortalDeps, 'db' | 'portal'>): Router {
  const router = Router();
  const { db, portal } = deps;

  router.get('/ke-hoach', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    const campaigns = await campaignList(db, caller);
    const calendar = caller.actor.role === 'secretariat' ? await calendarDecisionNotice(db) : undefined;
    sendPage(
      res,
      <Layout title="Kế hoạch" person={person} csrfToken={csrfToken}>
        <h1>Kế hoạch</h1>
        <CalendarWarning warning={calendar?.warning} />
        {campaigns.length === 0 ? <p>Chưa có kế hoạch nào.</p> : null}
        <CountsTable
          caption="Số nhiệm vụ của mỗi kế hoạch theo bốn nhóm"
          firstColumn="Kế hoạch"
          rows={campaigns.map((campaign) => ({
            label: `${campaign.title} (từ ${dateText(campaign.launchDate)}${campaign.cancelledAt ? ', đã hủy' : ''})`,
            href: `/ke-hoach/${encodeURIComponent(campaign.key)}`,
            counts: campaign.counts,
          }))}
        />
      </Layout>,
    );
  });

  router.get('/ke-hoach/:key', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    const key = String(req.params.key);
    const now = Date.now();
    // An agency's part of a campaign is small: read once, counted and filtered here. The
    // secretariat and the Committee see whole campaigns: counts from the counters, and the list
    // read from the database only when it is narrowed or small enough to list in full.
    const agencyView = caller.actor.role === 'agency';
    const docs = agencyView ? await visibleAssignments(db, caller, key) : [];
    const overview = await campaignOverview(db, caller, key, docs, now);
    if (!overview) return sendPage(res, <NotFoundPage person={person} csrfToken={csrfToken} />, 404);
    const filters = { ...readFilters(req.query), campaign: overview.key };
    const narrowed = Boolean(filters.section || filters.agency || filters.category);
    const tooLarge = !agencyView && !narrowed && overview.counts.total > portal.campaignListLimit;
    const matching = agencyView ? filterAssignments(docs, filters, now) : tooLarge ? [] : await matchingAssignments(db, caller, filters, now);
    const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(req.query.trang) || 1));
    // Rows (names, working days) only for the page shown.
    const shown = await toRows(db, caller, matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), now);
    const base = `/ke-hoach/${encodeURIComponent(overview.key)}`;
    const directive = overview.definition.directive;
    sendPage(
      res,
      <Layout title={overview.definition.title} person={person} csrfToken={csrfToken}>
        <p class="caption">Kế hoạch {overview.key}</p>
        <h1>{overview.definition.title}</h1>
        <p>
          Theo {directive.number} ngày {dateText(directive.date)} của {directive.issuer}. Giao nhiệm vụ từ {dateText(overview.launchDate)}.
          {overview.cancelledAt ? ' Kế hoạch đã bị hủy.' : ''}
        </p>
        <CountsTable
          caption="Số nhiệm vụ theo mục và theo nhiệm vụ, trong bốn nhóm"
          firstColumn="Mục / nhiệm vụ"
          rows={[
            { label: 'Cả kế hoạch', counts: overview.counts },
            ...overview.sections.flatMap((section) => [
              { label: `Mục ${section.number}. ${section.title}`, href: `${base}?muc=${section.number}#nhiem-vu`, counts: section.counts },
              ...section.tasks.map((task) => ({ label: `${section.number}.${task.taskNumber}. ${task.title}`, counts: task.counts, nested: true })),
            ]),
          ]}
        />

        <h2 id="nhiem-vu">Các nhiệm vụ</h2>
        <form method="get" action={`${base}#nhiem-vu`} class="filters" role="search">
          <SearchBox value={filters.q} />
          <SelectField
            id="muc"
            label="Mục"
            value={filters.section ? String(filters.section) : ''}
            options={[{ value: '', label: 'Tất cả các mục' }, ...overview.sections.map((section) => ({ value: String(section.number), label: `Mục ${section.number}` }))]}
          />
          <SelectField
            id="co_quan"
            label="Cơ quan chủ trì"
            value={filters.agency ?? ''}
            options={[{ value: '', label: 'Tất cả cơ quan' }, ...overview.agencies.map((agency) => ({ value: agency.code, label: agency.name }))]}
          />
          <CategoryFilter value={filters.category} />
          <div class="filters__actions">
            <button type="submit" class="button">
              Lọc
            </button>
            <a href={`${base}/nhiem-vu.csv${filterQuery(filters)}`} download>
              Tải về CSV (mở bằng Excel)
            </a>
          </div>
        </form>
        <p role="status">
          {tooLarge
            ? `Kế hoạch có ${overview.counts.total.toLocaleString('vi-VN')} nhiệm vụ. Hãy chọn một mục, một cơ quan hoặc một nhóm rồi bấm “Lọc” để xem danh sách.`
            : matching.length === 0
            ? 'Không có nhiệm vụ nào khớp với điều kiện lọc.'
            : `Có ${matching.length} nhiệm vụ${pages > 1 ? `; trang ${page}/${pages}` : ''}.`}
        </p>
        {caller.actor.role === 'secretariat' && filters.agency && overview.agencies.some((agency) => agency.code === filters.agency) ? (
          <p>
            Văn bản đôn đốc cơ quan này về các nhiệm vụ quá hạn, tính đến hôm nay:{' '}
            <a href={letterPath(overview.key, filters.agency)} download>
              Tải PDF
            </a>{' '}
            · <a href={letterPath(overview.key, filters.agency, 'docx')} download>
              Tải Word (.docx)
            </a>
          </p>
        ) : null}
        {shown.length ? <AssignmentTable rows={shown} caption="Các nhiệm vụ của kế hoạch" showAgency /> : null}
        {pages > 1 ? (
          <nav class="pagination" aria-label="Trang">
            {page > 1 ? <a href={`${base}${filterQuery(filters, page - 1)}#nhiem-vu`}>Trang trước</a> : null}
            {page < pages ? <a href={`${base}${filterQuery(filters, page + 1)}#nhiem-vu`}>Trang sau</a> : null}
          </nav>
        ) : null}
      </Layout>,
    );
  });

  router.get('/ke-hoach/:key/nhiem-vu.csv', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    const campaign = await db.campaigns.exists({ _id: String(req.params.key) });
    if (!campaign || !(await mayReadCampaign(db, caller, String(req.params.key)))) {
      return sendPage(res, <NotFoundPage person={person} csrfToken={csrfToken} />, 404);
    }
    const rows = await findAssignments(db, caller, { ...readFilters(req.query), campaign: String(req.params.key) });
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Cache-Control', 'private, no-store')
      .attachment(`nhiem-vu-${req.params.key}.csv`)
      .send(assignmentsCsv(rows));
  });

  return router;
}

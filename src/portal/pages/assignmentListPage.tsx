/**
 * /nhiem-vu: my agency's assignments across campaigns (those it leads and those it coordinates),
 * grouped in the four categories, each group sorted by deadline, with a search that ignores
 * diacritics and filters by campaign and category.
 */
import { Router } from 'express';
import type { ApiDeps } from '../../api/apiDeps';
import { groupByCategory, readFilters, workList } from '../../services/portalQueries';
import { sendPage } from '../render';
import { AssignmentTable } from '../views/AssignmentTable';
import { CategoryTag } from '../views/CategoryTag';
import { SelectField } from '../views/Fields';
import { Layout } from '../views/Layout';
import { CategoryFilter, SearchBox } from '../views/ListFilters';
import { requireSignIn } from '../session/requireSignIn';
import { pageContext } from './pageContext';

/** Rows shown per group: beyond this a list is for filtering, not reading (the CSV has them all). */
const ROWS_PER_GROUP = 200;

export function assignmentListPage(deps: Pick<ApiDeps, 'db'>): Router {
  const router = Router();
  router.get('/nhiem-vu', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    const filters = readFilters(req.query);
    const { rows, campaigns } = await workList(deps.db, caller, filters);
    const groups = groupByCategory(rows).filter((group) => !filters.category || group.category === filters.category);
    const filtered = Boolean(filters.q || filters.campaign || filters.category);
    const isAgency = caller.actor.role === 'agency';
    sendPage(
      res,
      <Layout title="Nhiệm vụ" person={person} csrfToken={csrfToken}>
        <h1>{isAgency ? `Nhiệm vụ của ${person?.agencyName ?? caller.actor.agencyCode}` : 'Nhiệm vụ'}</h1>
        <form method="get" action="/nhiem-vu" class="filters" role="search">
          <SearchBox value={filters.q} />
          <SelectField
            id="ke_hoach"
            label="Kế hoạch"
            value={filters.campaign ?? ''}
            options={[{ value: '', label: 'Tất cả kế hoạch' }, ...campaigns.map((campaign) => ({ value: campaign.key, label: campaign.title }))]}
          />
          <CategoryFilter value={filters.category} />
          <div class="filters__actions">
            <button type="submit" class="button">
              Lọc
            </button>
            {filtered ? <a href="/nhiem-vu">Bỏ lọc</a> : null}
          </div>
        </form>
        <p role="status">
          {rows.length === 0 ? (filtered ? 'Không có nhiệm vụ nào khớp với điều kiện lọc.' : 'Chưa có nhiệm vụ nào.') : `Có ${rows.length} nhiệm vụ.`}
        </p>
        {groups.map((group) =>
          group.rows.length === 0 ? null : (
            <section aria-labelledby={`nhom-${group.category}`}>
              <h2 id={`nhom-${group.category}`}>
                <CategoryTag category={group.category} /> <span class="count">{group.rows.length} nhiệm vụ</span>
              </h2>
              <AssignmentTable rows={group.rows.slice(0, ROWS_PER_GROUP)} caption={group.label} showRelation={isAgency} showAgency={!isAgency} />
              {group.rows.length > ROWS_PER_GROUP ? (
                <p class="inset">
                  Đang hiện {ROWS_PER_GROUP} nhiệm vụ có hạn sớm nhất trong {group.rows.length}. Hãy tìm hoặc lọc theo kế hoạch để thu hẹp danh sách.
                </p>
              ) : null}
            </section>
          ),
        )}
      </Layout>,
    );
  });
  return router;
}

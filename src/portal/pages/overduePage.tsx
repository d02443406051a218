/**
 * /qua-han: every overdue assignment across campaigns, most overdue first, read-only; for the
 * secretariat, the văn bản đôn đốc of each agency and campaign to download (letterPage.tsx).
 */
import { Router } from 'express';
import type { ApiDeps } from '../../api/apiDeps';
import { overdueAssignments } from '../../services/portalQueries';
import { sendPage } from '../render';
import { AssignmentTable } from '../views/AssignmentTable';
import { Layout } from '../views/Layout';
import { requireSignIn } from '../session/requireSignIn';
import { OverdueLetterLinks } from './letterPage';
import { pageContext } from './pageContext';

export function overduePage(deps: Pick<ApiDeps, 'db'>): Router {
  const router = Router();
  router.get('/qua-han', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    const rows = await overdueAssignments(deps.db, caller);
    const secretariat = caller.actor.role === 'secretariat';
    const keys = secretariat ? [...new Set(rows.map((row) => row.campaignKey))] : [];
    const campaigns = keys.length ? await deps.db.campaigns.find({ _id: { $in: keys } }, { 'definition.title': 1 }).lean() : [];
    const campaignTitles = new Map((campaigns as { _id: string; definition?: { title?: string } }[]).map((doc) => [doc._id, doc.definition?.title ?? doc._id]));
    sendPage(
      res,
      <Layout title="Nhiệm vụ quá hạn" person={person} csrfToken={csrfToken}>
        <h1>Nhiệm vụ quá hạn</h1>
        <p role="status">{rows.length === 0 ? 'Không có nhiệm vụ nào quá hạn.' : `Có ${rows.length} nhiệm vụ quá hạn chưa hoàn thành, hạn sớm nhất trước.`}</p>
        {secretariat && rows.length ? (
          <p>
            <a href="#van-ban-don-doc">Lập văn bản đôn đốc từng cơ quan (PDF, Word)</a>
          </p>
        ) : null}
        {rows.length ? <AssignmentTable rows={rows} caption="Nhiệm vụ quá hạn" showAgency /> : null}
        {secretariat ? <OverdueLetterLinks rows={rows} campaignTitles={campaignTitles} /> : null}
      </Layout>,
    );
  });
  return router;
}

/** /qua-han: every overdue assignment across campaigns, most overdue first, read-only. */
import { Router } from 'express';
import type { ApiDeps } from '../../api/apiDeps';
import { overdueAssignments } from '../../services/portalQueries';
import { sendPage } from '../render';
import { AssignmentTable } from '../views/AssignmentTable';
import { Layout } from '../views/Layout';
import { requireSignIn } from '../session/requireSignIn';
import { pageContext } from './pageContext';

export function overduePage(deps: Pick<ApiDeps, 'db'>): Router {
  const router = Router();
  router.get('/qua-han', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    const rows = await overdueAssignments(deps.db, caller);
    sendPage(
      res,
      <Layout title="Nhiệm vụ quá hạn" person={person} csrfToken={csrfToken}>
        <h1>Nhiệm vụ quá hạn</h1>
        <p role="status">{rows.length === 0 ? 'Không có nhiệm vụ nào quá hạn.' : `Có ${rows.length} nhiệm vụ quá hạn chưa hoàn thành, hạn sớm nhất trước.`}</p>
        {rows.length ? <AssignmentTable rows={rows} caption="Nhiệm vụ quá hạn" showAgency /> : null}
      </Layout>,
    );
  });
  return router;
}

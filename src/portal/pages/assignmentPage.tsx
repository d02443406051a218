/**
 * /nhiem-vu/:id: one assignment, and its actions. GET shows the page; POST /nhiem-vu/:id/<action>
 * sends the same command the API sends, through the same services and the same authorisation
 * check, then redirects back (Post/Redirect/Get). A refusal comes back on the form with the
 * engine's reason and what was typed. Reassigning and cancelling ask for a confirmation first.
 * /nhiem-vu/:id/minh-chung/:fileId downloads an evidence file.
 */
import { Router, type Request, type Response } from 'express';
import type {} from 'multer';
import type { PortalDeps } from '../session/portalDeps';
import type { AssignmentCommand, AssignmentCommandType } from '../../domain/assignment/assignmentCommandSchema';
import { describeStatus } from '../../domain/assignment/assignmentCommands';
import type { EvidenceFileRef } from '../../domain/assignment/assignmentEvents';
import { ActionRefused, applyAssignmentAction } from '../../services/assignmentActions';
import { findVisibleAssignment, mayGive } from '../../services/assignmentAccess';
import { assignmentPage, type AssignmentPageData } from '../../services/assignmentPage';
import { EvidenceRefused, openEvidence, storeEvidence } from '../../services/evidenceStore';
import { sendPage } from '../render';
import type { FormState } from '../views/ActionForms';
import { AssignmentView } from '../views/AssignmentView';
import { ConfirmView } from '../views/ConfirmView';
import { NotFoundPage } from '../views/MessagePage';
import { actionOfSlug, DONE_MESSAGES, readActionForm } from './actionForms';
import { requireSignIn } from '../session/requireSignIn';
import { field, pageContext, type PageContext } from './pageContext';

export type AssignmentPageDeps = Pick<PortalDeps, 'db' | 'client' | 'portal'>;

const EVIDENCE_FIELD = 'tep-minh-chung';
const REFUSAL_STATUS = { forbidden: 403, invalidState: 409, invalidInput: 422 } as const;

/** The files posted in one field, whatever shape the upload middleware gave them. */
function uploadedFiles(req: Request, fieldName: string): Express.Multer.File[] {
  const files = req.files;
  const list = Array.isArray(files) ? files : files ? Object.values(files).flat() : [];
  return list.filter((file) => file.fieldname === fieldName && file.size > 0);
}

export function assignmentPages(deps: AssignmentPageDeps): Router {
  const router = Router();
  const { db } = deps;
  const maxBytes = deps.portal.evidenceMaxBytes;

  async function agencyChoices() {
    return (await db.agencies.find({}, { name: 1 }).sort({ name: 1 }).lean()).map((doc) => ({ code: doc._id, name: doc.name }));
  }

  async function render(res: Response, context: PageContext, data: AssignmentPageData, options: { form?: FormState; notice?: string; status?: number } = {}) {
    const agencies = data.actions.includes('reassign') ? await agencyChoices() : [];
    sendPage(
      res,
      <AssignmentView
        data={data}
        person={context.person}
        csrfToken={context.csrfToken}
        form={options.form}
        notice={options.notice}
        agencies={agencies}
        maxEvidenceMb={Math.round(maxBytes / (1024 * 1024))}
      />,
      options.status ?? 200,
    );
  }

  const notFound = (res: Response, context: PageContext) => sendPage(res, <NotFoundPage person={context.person} csrfToken={context.csrfToken} />, 404);

  router.get('/nhiem-vu/:id', requireSignIn, async (req, res) => {
    const context = pageContext(req, res);
    const data = await assignmentPage(db, context.caller, String(req.params.id));
    if (!data) return notFound(res, context);
    const done = actionOfSlug(field(req.query, 'da-luu'));
    await render(res, context, data, { notice: done ? DONE_MESSAGES[done] : undefined });
  });

  router.get('/nhiem-vu/:id/minh-chung/:fileId', requireSignIn, async (req, res) => {
    const context = pageContext(req, res);
    const doc = await findVisibleAssignment(db, context.caller, String(req.params.id));
    const download = doc ? await openEvidence(db, doc._id, String(req.params.fileId)) : undefined;
    if (!download) return notFound(res, context);
    res.status(200);
    res.setHeader('Content-Type', download.file.type);
    res.setHeader('Content-Length', String(download.file.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.attachment(download.file.name);
    download.stream.on('error', () => res.destroy());
    download.stream.pipe(res);
  });

  router.post('/nhiem-vu/:id/:action', requireSignIn, async (req, res) => {
    const context = pageContext(req, res);
    const action = actionOfSlug(String(req.params.action));
    const doc = await findVisibleAssignment(db, context.caller, String(req.params.id));
    // Another agency's assignment, or no such action: the same answer as a missing page.
    if (!doc || !action) return notFound(res, context);
    const permission = mayGive(context.caller, doc, action);
    if (!permission.allowed) {
      if (permission.status === 404) return notFound(res, context);
      const data = (await assignmentPage(db, context.caller, doc._id))!;
      return render(res, context, data, { status: 403, form: { action, values: {}, errors: [{ field: '', message: permission.reason }] } });
    }

    const data = (await assignmentPage(db, context.caller, doc._id))!;
    const read = readActionForm(action, req.body, data.kpiTargets);
    const back = (status: number, form: FormState) => render(res, context, data, { status, form });
    if (!read.ok) return back(422, { action, values: read.values, errors: read.errors });

    if (action === 'reassign' && !(await db.agencies.exists({ _id: read.values['co-quan-moi'] }))) {
      return back(422, { action, values: read.values, errors: [{ field: 'co-quan-moi', message: 'Không có cơ quan này trong danh bạ.' }] });
    }
    if ((action === 'reassign' || action === 'cancel') && field(req.body, 'xac-nhan') !== 'co') {
      if (field(req.body, 'xac-nhan') === 'sua') return back(200, { action, values: read.values, errors: [] });
      return confirm(res, context, data, action, read.values);
    }

    let evidenceFiles: EvidenceFileRef[] = [];
    if (action === 'submitResult') {
      // Not now (e.g. already submitted): say so before storing files nothing would cite.
      if (!data.actions.includes(action)) {
        return back(409, { action, values: read.values, errors: [{ field: '', message: `Không thể thực hiện: nhiệm vụ ${describeStatus(doc.status)}.` }] });
      }
      try {
        for (const file of uploadedFiles(req, EVIDENCE_FIELD)) {
          evidenceFiles.push(await storeEvidence(db, { assignmentId: doc._id, file: { originalName: file.originalname, bytes: file.buffer }, actor: context.caller.actor, maxBytes }));
        }
      } catch (error) {
        if (!(error instanceof EvidenceRefused)) throw error;
        return back(422, { action, values: read.values, errors: [{ field: EVIDENCE_FIELD, message: error.message }] });
      }
    }
    const command = { ...read.command, ...(evidenceFiles.length ? { evidenceFiles } : {}) } as AssignmentCommand;
    try {
      await applyAssignmentAction(deps.client, { id: doc._id, status: doc.status }, command, context.caller.actor);
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      return back(REFUSAL_STATUS[error.code], { action, values: read.values, errors: [{ field: '', message: error.reason }] });
    }
    res.redirect(303, `/nhiem-vu/${encodeURIComponent(doc._id)}?da-luu=${req.params.action}`);
  });

  function confirm(res: Response, context: PageContext, data: AssignmentPageData, action: AssignmentCommandType, values: Record<string, string>) {
    const reassign = action === 'reassign';
    const target = values['co-quan-moi'] ?? '';
    return db.agencies
      .findById(target, { name: 1 })
      .lean()
      .then((agency) =>
        sendPage(
          res,
          <ConfirmView
            person={context.person}
            csrfToken={context.csrfToken}
            assignment={{ id: data.row.id, title: data.row.title }}
            action={action}
            heading={reassign ? 'Kiểm tra trước khi giao lại' : 'Kiểm tra trước khi hủy nhiệm vụ'}
            rows={
              reassign
                ? [
                    { label: 'Nhiệm vụ', value: data.row.title },
                    { label: 'Đang giao cho', value: data.lead.name },
                    { label: 'Giao lại cho', value: agency?.name ?? target },
                    { label: 'Ý kiến', value: values['y-kien-giao-lai'] || 'Không có' },
                  ]
                : [
                    { label: 'Nhiệm vụ', value: data.row.title },
                    { label: 'Cơ quan chủ trì', value: data.lead.name },
                    { label: 'Lý do hủy', value: values['ly-do-huy'] ?? '' },
                  ]
            }
            warning={
              reassign
                ? `${agency?.name ?? target} sẽ nhận nhiệm vụ và email thông báo; ${data.lead.name} không còn chủ trì.`
                : 'Nhiệm vụ đã hủy không mở lại được, và không còn được nhắc việc.'
            }
            button={reassign ? 'Xác nhận giao lại' : 'Xác nhận hủy nhiệm vụ'}
            values={values}
          />,
        ),
      );
  }

  return router;
}

/** /api/v1/campaigns: launch (JSON or YAML), list, read with counts, cancel. */
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { countCategories, countCategoriesBy } from '../../domain/assignment/assignmentSummary';
import { CampaignKeySchema, CampaignSchema } from '../../domain/campaign/campaign';
import { CampaignConflict, CampaignProblems, cancelCampaign, launchCampaign } from '../../services/campaignService';
import { visibilityFilter } from '../../services/assignmentAccess';
import { definitionFor, mayReadCampaign, visibleCampaignKeys } from '../../services/campaignAccess';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const KeyParams = z.object({ key: CampaignKeySchema });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The draft POST /campaigns/import gives (JSON `draft` or its YAML) is a campaign file: the
 * campaign under `campaign`, with empty `agencies` and `calendar`. It launches as it is. A file
 * that carries agencies or calendar edits is refused: those are saved on their own routes.
 */
function campaignOfDraft(raw: unknown): unknown {
  if (!isRecord(raw) || !('campaign' in raw)) return raw;
  const { campaign, agencies = [], calendar = [], ...rest } = raw;
  const carried = [
    ...(Array.isArray(agencies) && agencies.length === 0 ? [] : [{ field: 'body.agencies', message: 'Danh bạ cơ quan không gửi kèm khi khởi động kế hoạch; hãy lưu qua /agencies rồi bỏ phần này.' }]),
    ...(Array.isArray(calendar) && calendar.length === 0 ? [] : [{ field: 'body.calendar', message: 'Lịch làm việc không gửi kèm khi khởi động kế hoạch; hãy lưu qua /calendars rồi bỏ phần này.' }]),
    ...Object.keys(rest).map((name) => ({ field: `body.${name}`, message: `Bản nháp không có mục "${name}"; hãy bỏ mục này.` })),
  ];
  if (carried.length) throw problems.validation(carried);
  return campaign;
}

export function campaignRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/campaigns',
      summary: 'Khởi động một kế hoạch từ định nghĩa (JSON hoặc YAML); nhận cả bản nháp của /campaigns/import nguyên trạng ({ campaign: ... })',
      tag: 'Kế hoạch',
      roles: ['secretariat'],
      body: CampaignSchema,
      yamlBody: true,
      prepareBody: campaignOfDraft,
      responses: { 409: 'Mã kế hoạch đã được khởi động' },
    },
    async ({ body, caller }) => {
      try {
        const launched = await launchCampaign(deps, body, caller.actor);
        return { status: 201, body: { ...launched, links: { self: `/api/v1/campaigns/${launched.key}` } }, headers: { Location: `/api/v1/campaigns/${launched.key}` } };
      } catch (error) {
        if (error instanceof CampaignConflict) throw problems.conflict(`Kế hoạch ${body.key} đã được khởi động; mỗi mã chỉ khởi động một lần.`);
        if (error instanceof CampaignProblems) {
          const index = (n: number) => body.sections.findIndex((section) => section.number === n);
          throw problems.validation(
            error.problems.map((p) =>
              p.sectionNumber === undefined
                ? { field: 'body.sections', message: p.message }
                : { field: `body.sections.${index(p.sectionNumber)}`, message: `Mục ${p.sectionNumber}: ${p.message}` },
            ),
          );
        }
        throw error;
      }
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/campaigns', summary: 'Danh sách kế hoạch (cơ quan: những kế hoạch mình chủ trì hoặc phối hợp)', tag: 'Kế hoạch', roles: ['secretariat', 'agency', 'committee'] },
    async ({ caller }) => {
      const visible = await visibleCampaignKeys(db, caller);
      const docs = await db.campaigns.find(visible ? { _id: { $in: visible } } : {}).sort({ launchedAt: -1 }).lean();
      return {
        status: 200,
        body: {
          items: docs.map((doc) => ({
            key: doc._id,
            title: doc.definition.title,
            year: doc.definition.year,
            directive: doc.definition.directive,
            launchDate: doc.launchDate,
            plannedAssignments: visible ? undefined : doc.plannedAssignments,
            cancelledAt: doc.cancelledAt,
          })),
        },
      };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/campaigns/:key',
      summary: 'Một kế hoạch, với số nhiệm vụ theo bốn nhóm, theo mục và theo cơ quan',
      tag: 'Kế hoạch',
      roles: ['secretariat', 'agency', 'committee'],
      params: KeyParams,
      responses: { 404: 'Không có kế hoạch này' },
    },
    async ({ params, caller }) => {
      const doc = await db.campaigns.findById(params.key).lean();
      if (!doc || !(await mayReadCampaign(db, caller, params.key))) throw problems.notFound(`Không có kế hoạch ${params.key}.`);
      const now = Date.now();
      const rows = await db.assignments.find({ campaignKey: params.key, ...visibilityFilter(caller) }).lean();
      const counts = countCategories(rows, now);
      const bySection = countCategoriesBy(rows, (row) => String(row.sectionNumber), now);
      const byAgency = countCategoriesBy(rows, (row) => row.agencyCode, now);
      return {
        status: 200,
        body: {
          key: doc._id,
          definition: definitionFor(caller, doc.definition, rows.map((row) => row.sectionNumber)),
          launchDate: doc.launchDate,
          launchedAt: doc.launchedAt,
          launchedBy: doc.launchedBy,
          plannedAssignments: caller.actor.role === 'agency' ? undefined : doc.plannedAssignments,
          cancelledAt: doc.cancelledAt,
          cancelReason: doc.cancelReason,
          counts,
          bySection,
          byAgency,
        },
      };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/campaigns/:key/cancel',
      summary: 'Hủy một kế hoạch: mọi nhiệm vụ còn mở bị hủy theo',
      tag: 'Kế hoạch',
      roles: ['secretariat'],
      params: KeyParams,
      body: z.object({ reason: z.string().trim().min(1, 'Hãy nêu lý do hủy.').max(2000) }),
      responses: { 404: 'Không có kế hoạch này', 409: 'Kế hoạch đã kết thúc' },
    },
    async ({ params, body, caller }) => {
      const doc = await db.campaigns.findById(params.key).lean();
      if (!doc) throw problems.notFound(`Không có kế hoạch ${params.key}.`);
      if (doc.cancelledAt) throw problems.conflict(`Kế hoạch ${params.key} đã bị hủy.`);
      try {
        await cancelCampaign(deps, params.key, caller.actor, body.reason);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw problems.conflict(`Kế hoạch ${params.key} đã kết thúc.`);
        throw error;
      }
      return { status: 202, body: { key: params.key, cancelled: true, detail: 'Các nhiệm vụ còn mở đang được hủy.' } };
    },
  );

  return router;
}


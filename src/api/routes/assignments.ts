/**
 * /api/v1/assignments: list (filters, sort, cursor pages), one with its live state and timeline,
 * and the actions, each a workflow update: POST /assignments/{id}/{action}.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CommandSchemas, COMMAND_TYPES, type AssignmentCommandType } from '../../domain/assignment/assignmentCommandSchema';
import { ActionRefused, applyAssignmentAction } from '../../services/assignmentActions';
import { AssignmentListQuerySchema, assignmentDetails, BadCursor, listAssignments } from '../../services/assignmentQueries';
import { findVisibleAssignment, mayGive, rolesFor } from '../../services/assignmentAccess';
import type { AssignmentViewDoc } from '../../db/models/assignmentViewModel';
import { forbidden, type Caller } from '../middleware/authenticate';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { Problem, problems } from '../problem';

const IdParams = z.object({ id: z.string().min(3).max(120) });

const ACTION_SUMMARIES: Record<AssignmentCommandType, string> = {
  acknowledge: 'Cơ quan tiếp nhận nhiệm vụ',
  reportProgress: 'Cơ quan báo cáo tiến độ',
  submitResult: 'Cơ quan gửi kết quả (tóm tắt, minh chứng, chỉ tiêu)',
  accept: 'Ban Chỉ đạo công nhận hoàn thành',
  returnForRework: 'Ban Chỉ đạo trả lại để hoàn thiện',
  requestExtension: 'Cơ quan đề nghị gia hạn',
  decideExtension: 'Ban Chỉ đạo quyết định gia hạn',
  reassign: 'Ban Chỉ đạo giao lại cho cơ quan khác',
  cancel: 'Ban Chỉ đạo hủy nhiệm vụ',
  addCoordinationNote: 'Cơ quan phối hợp thêm ý kiến phối hợp',
};

const refusalStatus = { forbidden: 403, invalidState: 409, invalidInput: 422 } as const;

export function assignmentRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/assignments',
      summary: 'Danh sách nhiệm vụ: lọc theo kế hoạch, mục, cơ quan, nhóm, hạn, tên; sắp xếp; phân trang bằng cursor',
      tag: 'Nhiệm vụ',
      roles: ['secretariat', 'agency', 'committee'],
      query: AssignmentListQuerySchema,
      responses: { 400: 'Cursor không hợp lệ' },
    },
    async ({ query, caller }) => {
      try {
        const page = await listAssignments(db, caller, query);
        return { status: 200, body: { items: page.items, nextCursor: page.nextCursor } };
      } catch (error) {
        if (error instanceof BadCursor) throw problems.badRequest('Tham số cursor không hợp lệ; hãy dùng nextCursor của trang trước.');
        throw error;
      }
    },
  );

  const loadVisible = async (id: string, caller: Caller) => {
    const doc = await findVisibleAssignment(db, caller, id);
    // An agency cannot even learn that another agency's assignment exists.
    if (!doc) throw problems.notFound(`Không có nhiệm vụ ${id}.`);
    return doc;
  };

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/assignments/:id',
      summary: 'Một nhiệm vụ: trạng thái hiện tại (từ workflow) và toàn bộ diễn biến (sự kiện)',
      tag: 'Nhiệm vụ',
      roles: ['secretariat', 'agency', 'committee'],
      params: IdParams,
      responses: { 404: 'Không có nhiệm vụ này' },
    },
    async ({ params, caller }) => ({ status: 200, body: await assignmentDetails(deps, await loadVisible(params.id, caller)) }),
  );

  for (const action of COMMAND_TYPES) {
    defineRoute(
      router,
      registry,
      {
        method: 'post',
        path: `/assignments/:id/${action}`,
        summary: ACTION_SUMMARIES[action],
        tag: 'Thao tác',
        roles: rolesFor(action),
        params: IdParams,
        body: (CommandSchemas[action] as z.ZodObject).omit({ type: true }).strict(),
        responses: { 404: 'Không có nhiệm vụ này', 409: 'Không thực hiện được ở trạng thái hiện tại' },
        guard: async ({ params, caller, res }) => {
          const doc = await loadVisible(params.id, caller);
          const permission = mayGive(caller, doc, action);
          if (!permission.allowed) throw permission.status === 404 ? problems.notFound(permission.reason) : forbidden(permission.reason);
          res.locals.assignment = doc;
        },
      },
      async ({ body, caller, res }) => {
        const doc = res.locals.assignment as AssignmentViewDoc;
        if (action === 'reassign') {
          const target = (body as { toAgency: string }).toAgency;
          if (!(await db.agencies.exists({ _id: target }))) {
            throw problems.validation([{ field: 'body.toAgency', message: `Không có cơ quan mã ${target} trong danh bạ.` }]);
          }
        }
        try {
          const view = await applyAssignmentAction(deps.client, { id: doc._id, status: doc.status }, { ...(body as object), type: action } as never, caller.actor);
          return { status: 200, body: { id: doc._id, state: view.state, category: view.category, nextAlarm: view.nextAlarm } };
        } catch (error) {
          if (error instanceof ActionRefused) throw new Problem(refusalStatus[error.code], `action-refused`, 'Thao tác bị từ chối', error.reason);
          throw error;
        }
      },
    );
  }

  return router;
}

/**
 * /api/v1/agencies: the directory (read by all, an agency sees other agencies' entries without
 * their contacts: see services/campaignAccess.ts; kept by the secretariat).
 */
import { Router } from 'express';
import { z } from 'zod';
import { AgencyCodeSchema, AgencySchema, GroupTagSchema } from '../../domain/agency/agency';
import { toAgency } from '../../db/models/agencyModel';
import { agencyFor } from '../../services/campaignAccess';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';
import { addContactsAsPeople } from '../../services/people';

const CodeParams = z.object({ code: AgencyCodeSchema });

export function agencyRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/agencies',
      summary: 'Danh bạ cơ quan (lọc theo nhóm); cơ quan chỉ xem được người liên hệ của chính mình',
      tag: 'Danh bạ',
      roles: ['secretariat', 'agency', 'committee'],
      query: z.object({ group: GroupTagSchema.optional() }),
    },
    async ({ query, caller }) => {
      const docs = await db.agencies.find(query.group ? { groups: query.group } : {}).sort({ _id: 1 }).lean();
      return { status: 200, body: { items: docs.map((doc) => agencyFor(caller, toAgency(doc))) } };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/agencies/:code',
      summary: 'Một cơ quan',
      tag: 'Danh bạ',
      roles: ['secretariat', 'agency', 'committee'],
      params: CodeParams,
      responses: { 404: 'Không có cơ quan này' },
    },
    async ({ params, caller }) => {
      const doc = await db.agencies.findById(params.code).lean();
      if (!doc) throw problems.notFound(`Không có cơ quan mã ${params.code}.`);
      return { status: 200, body: agencyFor(caller, toAgency(doc)) };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/agencies/:code',
      summary: 'Thêm hoặc cập nhật một cơ quan',
      tag: 'Danh bạ',
      roles: ['secretariat'],
      params: CodeParams,
      body: AgencySchema.omit({ code: true }),
    },
    async ({ params, body }) => {
      const existed = await db.agencies.exists({ _id: params.code });
      await db.agencies.replaceOne({ _id: params.code }, { ...body, updatedAt: new Date() }, { upsert: true });
      // Its contacts may sign in to the portal (new ones become people of the agency).
      await addContactsAsPeople(db, { code: params.code, ...body });
      return { status: existed ? 200 : 201, body: { code: params.code, ...body } };
    },
  );

  return router;
}

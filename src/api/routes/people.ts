/**
 * /api/v1/people: the people who sign in to the portal, kept by the secretariat: list, create or
 * update (PUT by email), deactivate. Deactivating ends the person's open sessions at once.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AgencyCodeSchema } from '../../domain/agency/agency';
import { PERSON_ROLES, PersonSchema, WorkEmailSchema } from '../../domain/person/person';
import { deactivatePerson, getPerson, listPeople, savePerson, UnknownAgency } from '../../services/people';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const EmailParams = z.object({ email: WorkEmailSchema });
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export function peopleRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/people',
      summary: 'Danh sách người dùng cổng thông tin (lọc theo cơ quan, vai trò, còn hoạt động)',
      tag: 'Người dùng',
      roles: ['secretariat'],
      query: z.object({ agency: AgencyCodeSchema.optional(), role: z.enum(PERSON_ROLES).optional(), active: flag.optional() }),
    },
    async ({ query }) => ({ status: 200, body: { items: await listPeople(db, query) } }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/people/:email',
      summary: 'Một người dùng',
      tag: 'Người dùng',
      roles: ['secretariat'],
      params: EmailParams,
      responses: { 404: 'Không có người dùng này' },
    },
    async ({ params }) => {
      const person = await getPerson(db, params.email);
      if (!person) throw problems.notFound(`Không có người dùng ${params.email}.`);
      return { status: 200, body: person };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/people/:email',
      summary: 'Thêm hoặc cập nhật một người dùng (vai trò, cơ quan)',
      tag: 'Người dùng',
      roles: ['secretariat'],
      params: EmailParams,
      body: PersonSchema.omit({ email: true }),
    },
    async ({ params, body }) => {
      try {
        const saved = await savePerson(db, { ...body, email: params.email });
        return { status: saved.created ? 201 : 200, body: saved.person };
      } catch (error) {
        if (error instanceof UnknownAgency) throw problems.validation([{ field: 'body.agencyCode', message: error.message }]);
        throw error;
      }
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/people/:email/deactivate',
      summary: 'Ngừng cho một người đăng nhập (kết thúc các phiên đang mở)',
      tag: 'Người dùng',
      roles: ['secretariat'],
      params: EmailParams,
      responses: { 404: 'Không có người dùng này' },
    },
    async ({ params }) => {
      const person = await deactivatePerson(db, params.email);
      if (!person) throw problems.notFound(`Không có người dùng ${params.email}.`);
      return { status: 200, body: person };
    },
  );

  return router;
}

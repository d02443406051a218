/** /api/v1/calendars/{year}: the working calendar of a year; saving one re-times open assignments. */
import { Router } from 'express';
import { z } from 'zod';
import { CalendarYearSchema } from '../../domain/calendar/calendarYear';
import { statutoryDaysOff } from '../../domain/calendar/statutoryHolidays';
import { toCalendarYear } from '../../db/models/calendarModel';
import { calendarSnapshot, saveCalendarYear } from '../../services/calendarService';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const YearEdits = z.object({
  daysOff: z.array(z.object({ date: z.string(), name: z.string() })).default([]),
  workingDays: z.array(z.object({ date: z.string(), name: z.string() })).default([]),
  notDaysOff: z.array(z.object({ date: z.string(), name: z.string() })).default([]),
  source: z.string().max(300).optional(),
});

export function calendarRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/calendars/:year',
      summary: 'Lịch làm việc của một năm: ngày nghỉ theo luật, ngày nghỉ và làm bù do Ban Chỉ đạo nhập',
      tag: 'Lịch',
      roles: ['secretariat', 'agency', 'committee'],
      params: YearParams,
    },
    async ({ params }) => {
      const snapshot = await calendarSnapshot(db, params.year, params.year);
      const edits = await db.calendars.findById(params.year).lean();
      return {
        status: 200,
        body: {
          year: params.year,
          version: snapshot.version,
          statutory: statutoryDaysOff(params.year),
          edits: edits ? toCalendarYear(edits) : { year: params.year, daysOff: [], workingDays: [], notDaysOff: [] },
          daysOff: snapshot.daysOff,
          workingWeekendDays: snapshot.workingDays,
        },
      };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/calendars/:year',
      summary: 'Lưu ngày nghỉ, ngày làm bù của một năm; các nhiệm vụ đang mở được tính lại hạn',
      tag: 'Lịch',
      roles: ['secretariat'],
      params: YearParams,
      body: YearEdits,
    },
    async ({ params, body, caller }) => {
      const parsed = CalendarYearSchema.safeParse({ ...body, year: params.year });
      if (!parsed.success) {
        throw problems.validation(parsed.error.issues.map((issue) => ({ field: `body.${issue.path.join('.')}`, message: issue.message })));
      }
      const saved = await saveCalendarYear(deps, parsed.data, caller.actor.name ?? caller.actor.role);
      return { status: 200, body: { year: params.year, ...saved } };
    },
  );

  return router;
}

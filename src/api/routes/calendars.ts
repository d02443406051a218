/** /api/v1/calendars/{year}: the working calendar of a year; saving one re-times open assignments. */
import { Router } from 'express';
import { z } from 'zod';
import { statutoryDaysOff } from '../../domain/calendar/statutoryHolidays';
import { calendarSnapshot, calendarYearData, InvalidCalendarYear, saveCalendarYear, StaleCalendarVersion } from '../../services/calendarService';
import { officialDecisions } from '../../services/officialCalendarData';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';
import { fieldIssues } from '../../domain/validation';

const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('Năm dương lịch, ví dụ 2026.') });

const Day = (meaning: string) =>
  z
    .object({
      date: z.string().describe('Ngày, dạng YYYY-MM-DD, thuộc đúng năm trên đường dẫn.'),
      name: z.string().describe('Lý do bằng tiếng Việt, hiện cho người dùng, ví dụ "Nghỉ bù Tết Nguyên đán".'),
    })
    .describe(meaning);

const YearEdits = z.object({
  version: z
    .number()
    .int()
    .min(0)
    .describe(
      'Phiên bản của năm mà bạn đã đọc (trường version của GET /calendars/{year}; 0 nếu năm chưa từng được lưu). ' +
        'Nếu năm đã được người khác lưu sau đó, yêu cầu bị từ chối với 409 kèm phiên bản hiện tại: hãy đọc lại rồi gửi lại.',
    ),
  replace: z
    .boolean()
    .default(false)
    .describe(
      'false (mặc định): các ngày gửi lên được thêm vào dữ liệu của năm, các ngày khác giữ nguyên; một ngày đã có trong danh sách khác được chuyển sang danh sách mới. ' +
        'true: dữ liệu gửi lên thay toàn bộ dữ liệu của năm.',
    ),
  daysOff: z
    .array(Day('Một ngày nghỉ'))
    .default([])
    .describe(
      'Ngày thường (thứ Hai đến thứ Sáu) được nghỉ thêm theo quyết định của năm: ngày Tết đặt khác mặc định, ngày nghỉ bù, ngày nghỉ do hoán đổi.',
    ),
  workingDays: z
    .array(Day('Một ngày làm bù'))
    .default([])
    .describe('Thứ Bảy, Chủ nhật phải đi làm bù (vế còn lại của một lần hoán đổi ngày làm việc); các ngày này được tính là ngày làm việc.'),
  notDaysOff: z
    .array(Day('Một ngày không nghỉ'))
    .default([])
    .describe(
      'Ngày mà cách tính mặc định theo Bộ luật Lao động cho nghỉ nhưng quyết định của năm không cho nghỉ (ví dụ ngày nghỉ bù mặc định khi Tết được đặt sớm hơn, hay ngày liền kề 2/9 mặc định khi năm đó chọn ngày khác). Ngày này trở lại là ngày làm việc.',
    ),
  remove: z
    .array(z.string().describe('Ngày, dạng YYYY-MM-DD.'))
    .default([])
    .describe('Ngày cần bỏ khỏi mọi danh sách của năm (không dùng cùng replace: true).'),
  source: z.string().max(300).optional().describe('Văn bản làm căn cứ: số hiệu, ngày ban hành, cơ quan ban hành, ví dụ "Thông báo số 9441/TB-BNV ngày 16/10/2025 (Bộ Nội vụ)".'),
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
      summary:
        'Lịch làm việc của một năm. Trả về: version (phiên bản để gửi kèm khi lưu), decided (năm đã có quyết định chính thức hay Ban Chỉ đạo đã nhập), ' +
        'official (quyết định chính thức đi kèm hệ thống và văn bản căn cứ), statutory (ngày nghỉ tính theo Bộ luật Lao động), edits (dữ liệu của năm: daysOff, workingDays, notDaysOff, source), ' +
        'daysOff (mọi ngày thường được nghỉ sau khi áp dụng), workingWeekendDays (thứ Bảy, Chủ nhật phải làm bù)',
      tag: 'Lịch',
      roles: ['secretariat', 'agency', 'committee'],
      params: YearParams,
    },
    async ({ params }) => {
      const snapshot = await calendarSnapshot(db, params.year, params.year);
      const year = await calendarYearData(db, params.year);
      const official = officialDecisions().find((entry) => entry.year === params.year);
      return {
        status: 200,
        body: {
          year: params.year,
          version: year.version,
          decided: year.saved || official !== undefined,
          official: official ? { sources: official.sources, unconfirmed: official.unconfirmed } : null,
          statutory: statutoryDaysOff(params.year),
          edits: year.data,
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
      summary: 'Lưu ngày nghỉ, ngày làm bù của một năm (thêm vào dữ liệu của năm, hoặc thay cả năm với replace: true); các nhiệm vụ đang mở được tính lại hạn',
      tag: 'Lịch',
      roles: ['secretariat'],
      params: YearParams,
      body: YearEdits,
      responses: { 409: 'Năm đã được lưu sau phiên bản bạn đọc; chi tiết nêu phiên bản hiện tại' },
    },
    async ({ params, body, caller }) => {
      try {
        const saved = await saveCalendarYear(deps, params.year, { ...body, expectedVersion: body.version }, caller.actor.name ?? caller.actor.role);
        return { status: 200, body: { year: params.year, version: saved.version, retimed: saved.retimed, edits: saved.data } };
      } catch (error) {
        if (error instanceof StaleCalendarVersion) {
          throw problems.conflict(
            `Lịch năm ${params.year} đã được lưu sau phiên bản ${body.version} mà bạn đã đọc; phiên bản hiện tại là ${error.currentVersion}. Hãy tải lại lịch, áp dụng lại thay đổi và gửi kèm version ${error.currentVersion}.`,
            { currentVersion: error.currentVersion },
          );
        }
        if (error instanceof InvalidCalendarYear) {
          throw problems.validation(fieldIssues(error.issues, 'body'));
        }
        throw error;
      }
    },
  );

  return router;
}

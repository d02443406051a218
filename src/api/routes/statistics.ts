/**
 * /api/v1/statistics: per agency and per section, the four categories and the on-time rate as
 * of a cutoff date, for the periodic report; `format=csv` gives the same table for a spreadsheet.
 * Each row names its agency or section; the total row reads "Tổng cộng" (its JSON key stays
 * "total").
 */
import { Router } from 'express';
import { z } from 'zod';
import { CATEGORY_LABELS } from '../../domain/assignment/statusCategory';
import { CampaignKeySchema } from '../../domain/campaign/campaign';
import { endOfDay, dateAt } from '../../domain/time/localDate';
import { LocalDateSchema } from '../../domain/time/localDateSchema';
import { computeStatistics, TOTAL_LABEL, type StatisticsRow } from '../../projections/statistics';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const StatisticsQuery = z.object({
  campaign: CampaignKeySchema,
  /** The report date: counts as they stood at 24:00 of that day (Vietnam). Default: today. */
  cutoff: LocalDateSchema.optional(),
  by: z.enum(['agency', 'section']).default('agency'),
  format: z.enum(['json', 'csv']).default('json'),
});

const count = (description: string) => z.number().int().describe(description);

const StatisticsRowAnswer = z.object({
  key: z.string().describe('Mã cơ quan, số mục, hoặc "total" ở dòng tổng: ổn định, cho chương trình đọc'),
  name: z.string().describe(`Tên cơ quan, tên mục, hoặc "${TOTAL_LABEL}" ở dòng tổng: cho người đọc`),
  completedOnTime: count(CATEGORY_LABELS.completedOnTime),
  completedLate: count(CATEGORY_LABELS.completedLate),
  inProgressWithinDeadline: count(CATEGORY_LABELS.inProgressWithinDeadline),
  overdue: count(CATEGORY_LABELS.overdue),
  cancelled: count('Đã hủy (không thuộc nhóm nào)'),
  total: count('Tổng số nhiệm vụ'),
  onTimeRate: z.number().optional().describe('Tỷ lệ hoàn thành đúng hạn trên số đã hoàn thành (%); không có khi chưa hoàn thành nhiệm vụ nào'),
});

const StatisticsAnswer = z.object({
  campaign: z.string().describe('Mã kế hoạch'),
  cutoff: z.string().describe('Ngày chốt số liệu (YYYY-MM-DD): số liệu tính đến 24:00 ngày đó'),
  by: z.enum(['agency', 'section']).describe('Dòng theo cơ quan chủ trì hoặc theo mục'),
  rows: z.array(StatisticsRowAnswer),
  total: StatisticsRowAnswer.describe(`Dòng tổng: key "total", name "${TOTAL_LABEL}"`),
});

/** RFC 4180 quoting; a name starting with = + - @ is prefixed so a spreadsheet never runs it as a formula. */
const csvCell = (value: unknown) => {
  const text = value === undefined ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function toCsv(rows: StatisticsRow[], total: StatisticsRow, by: 'agency' | 'section'): string {
  const names = by === 'agency' ? ['Mã cơ quan', 'Cơ quan'] : ['Mục', 'Tên mục'];
  const header = [...names, CATEGORY_LABELS.completedOnTime, CATEGORY_LABELS.completedLate, CATEGORY_LABELS.inProgressWithinDeadline, CATEGORY_LABELS.overdue, 'Đã hủy', 'Tổng số', 'Tỷ lệ đúng hạn (%)'];
  const line = (first: string, second: string, row: StatisticsRow) =>
    [first, second, row.completedOnTime, row.completedLate, row.inProgressWithinDeadline, row.overdue, row.cancelled, row.total, row.onTimeRate].map(csvCell).join(',');
  const lines = [...rows.map((row) => line(row.key, row.name, row)), line(TOTAL_LABEL, '', total)];
  // The BOM makes spreadsheet programs read the Vietnamese text as UTF-8.
  return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

export function statisticsRoutes(deps: ApiDeps): Router {
  const router = Router();
  defineRoute(
    router,
    deps.registry,
    {
      method: 'get',
      path: '/statistics',
      summary: 'Thống kê theo bốn nhóm và tỷ lệ đúng hạn, theo cơ quan hoặc theo mục, tại một ngày chốt số liệu',
      tag: 'Thống kê',
      roles: ['secretariat', 'committee'],
      query: StatisticsQuery,
      produces: ['application/json', 'text/csv'],
      answers: StatisticsAnswer,
      responses: { 404: 'Không có kế hoạch này' },
    },
    async ({ query, res }) => {
      if (!(await deps.db.campaigns.exists({ _id: query.campaign }))) throw problems.notFound(`Không có kế hoạch ${query.campaign}.`);
      const cutoffDate = query.cutoff ?? dateAt(Date.now());
      const statistics = await computeStatistics(deps.db, query.campaign, new Date(endOfDay(cutoffDate) - 1));
      const rows = query.by === 'agency' ? statistics.byAgency : statistics.bySection;
      if (query.format === 'csv') {
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', `attachment; filename="thong-ke-${query.campaign}-${cutoffDate}.csv"`)
          .send(toCsv(rows, statistics.total, query.by));
        return;
      }
      return { status: 200, body: { campaign: query.campaign, cutoff: cutoffDate, by: query.by, rows, total: statistics.total } };
    },
  );
  return router;
}

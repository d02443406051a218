/**
 * /api/v1/statistics: per agency and per section, the four categories and the on-time rate as
 * of a cutoff date, for the periodic report; `format=csv` gives the same table for a spreadsheet.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CATEGORY_LABELS } from '../../domain/assignment/statusCategory';
import { CampaignKeySchema } from '../../domain/campaign/campaign';
import { endOfDay, dateAt } from '../../domain/time/localDate';
import { LocalDateSchema } from '../../domain/time/localDateSchema';
import { computeStatistics, type StatisticsRow } from '../../projections/statistics';
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

const csvCell = (value: unknown) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function toCsv(rows: StatisticsRow[], keyLabel: string): string {
  const header = [keyLabel, CATEGORY_LABELS.completedOnTime, CATEGORY_LABELS.completedLate, CATEGORY_LABELS.inProgressWithinDeadline, CATEGORY_LABELS.overdue, 'Đã hủy', 'Tổng số', 'Tỷ lệ đúng hạn (%)'];
  const lines = rows.map((row) =>
    [row.key, row.completedOnTime, row.completedLate, row.inProgressWithinDeadline, row.overdue, row.cancelled, row.total, row.onTimeRate].map(csvCell).join(','),
  );
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
          .send(toCsv([...rows, statistics.total], query.by === 'agency' ? 'Cơ quan' : 'Mục'));
        return;
      }
      return { status: 200, body: { campaign: query.campaign, cutoff: cutoffDate, by: query.by, rows, total: statistics.total } };
    },
  );
  return router;
}

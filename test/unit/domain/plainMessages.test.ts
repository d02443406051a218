/**
 * Validation messages in the reader's words: the field named as people call it, what is expected,
 * no zod vocabulary; dates taken as dd/mm/yyyy as well as ISO; and a label for every field that
 * any route of the OpenAPI document takes.
 */
import { z } from 'zod';
import { fieldIssues } from '../../../src/domain/validation';
import { FIELD_LABELS } from '../../../src/domain/fieldLabels';
import { CommandSchemas } from '../../../src/domain/assignment/assignmentCommandSchema';
import { AgencySchema } from '../../../src/domain/agency/agency';
import { CampaignSchema } from '../../../src/domain/campaign/campaign';
import { OpenApiRegistry } from '../../../src/api/openapi/registry';
import type { ApiDeps } from '../../../src/api/apiDeps';
import { agencyRoutes } from '../../../src/api/routes/agencies';
import { assignmentRoutes } from '../../../src/api/routes/assignments';
import { calendarRoutes } from '../../../src/api/routes/calendars';
import { campaignImportRoutes } from '../../../src/api/routes/campaignImport';
import { campaignMailSettingsRoutes } from '../../../src/api/routes/campaignMailSettings';
import { campaignRoutes } from '../../../src/api/routes/campaigns';
import { outboxRoutes } from '../../../src/api/routes/outbox';
import { peopleRoutes } from '../../../src/api/routes/people';
import { statisticsRoutes } from '../../../src/api/routes/statistics';
import { letterRoutes } from '../../../src/api/routes/letters';
import fs from 'node:fs';
import path from 'node:path';

const messagesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : fieldIssues(parsed.error, 'body');
};

describe('validation messages', () => {
  it('name the field and say what is expected', () => {
    expect(messagesOf(CommandSchemas.reportProgress, { type: 'reportProgress', note: 'Đã rà soát', percent: 150 })).toEqual([
      { field: 'body.percent', message: 'Tỷ lệ hoàn thành (%) phải là số từ 0 đến 100.' },
    ]);
    expect(messagesOf(CommandSchemas.returnForRework, { type: 'returnForRework' })).toEqual([{ field: 'body.comment', message: 'Hãy nêu lý do trả lại.' }]);
    expect(messagesOf(CommandSchemas.submitResult, { type: 'submitResult', summary: 'Xong', kpiValues: [{ indicator: 'Tỷ lệ', value: 'cao' }] })).toEqual([
      { field: 'body.kpiValues.0.value', message: 'Giá trị (kết quả chỉ tiêu thứ 1) phải là một số.' },
    ]);
    expect(messagesOf(AgencySchema, { code: 'SNV', kind: 'department', contacts: [{ role: 'head', name: 'A', email: 'a@b.example' }] })).toEqual([
      { field: 'body.name', message: 'Cần nhập tên.' },
    ]);
    expect(messagesOf(z.object({ limit: z.coerce.number().int().min(1).max(200) }), { limit: '500' })).toEqual([
      { field: 'body.limit', message: 'Số dòng mỗi trang phải là số từ 1 đến 200.' },
    ]);
    expect(messagesOf(z.object({ title: z.string().max(5) }).strict(), { title: 'dài quá rồi', extra: 1 })).toEqual([
      { field: 'body.title', message: 'Tên dài tối đa 5 ký tự.' },
      { field: 'body', message: 'Dữ liệu gửi lên có trường không dùng được: "extra"; hãy bỏ đi.' },
    ]);
  });

  it('take dates as dd/mm/yyyy or ISO, keep them as ISO, and refuse a day that does not exist in both words', () => {
    const request = (requestedDeadline: string) => CommandSchemas.requestExtension.safeParse({ type: 'requestExtension', requestedDeadline, reason: 'Chờ ý kiến' });
    expect(request('28/02/2027').data?.requestedDeadline).toBe('2027-02-28');
    expect(request('2027-02-28').data?.requestedDeadline).toBe('2027-02-28');
    expect(request('5/3/2027').data?.requestedDeadline).toBe('2027-03-05');
    const refused = request('30/02/2027');
    expect(refused.success ? [] : fieldIssues(refused.error, 'body')).toEqual([
      { field: 'body.requestedDeadline', message: 'Hạn đề nghị phải là một ngày có thật, viết dạng ngày/tháng/năm (ví dụ 28/02/2027) hoặc năm-tháng-ngày (2027-02-28).' },
    ]);
    const campaign = CampaignSchema.safeParse({ key: 'x' });
    const words = campaign.success ? '' : fieldIssues(campaign.error).map((issue) => issue.message).join(' ');
    expect(words).not.toMatch(/string|number|undefined|expected|received|mong đợi/iu);
  });

  it('have a label for every field and parameter of every route', () => {
    const registry = new OpenApiRegistry('/api/v1');
    const deps = { registry } as unknown as ApiDeps;
    const modules = [campaignImportRoutes, campaignRoutes, assignmentRoutes, agencyRoutes, peopleRoutes, calendarRoutes, statisticsRoutes, outboxRoutes, campaignMailSettingsRoutes, letterRoutes];
    // Every route module the app mounts is here: a new one must be added to be checked.
    const app = fs.readFileSync(path.join(__dirname, '../../../src/api/app.ts'), 'utf8');
    const mounted = [...app.matchAll(/api\.use\((\w+Routes)\(deps\)\)/gu)].map((match) => match[1]);
    expect(mounted.sort()).toEqual(modules.map((routes) => routes.name).sort());
    for (const routes of modules) routes(deps);
    const names = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      if (properties && typeof properties === 'object') for (const name of Object.keys(properties)) names.add(name);
      Object.values(node).forEach(walk);
    };
    const document = registry.document() as { paths: Record<string, Record<string, { parameters: { name: string }[]; requestBody?: unknown }>> };
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        operation.parameters.forEach((parameter) => names.add(parameter.name));
        walk(operation.requestBody);
      }
    }
    expect(names.size).toBeGreaterThan(50);
    expect([...names].filter((name) => !FIELD_LABELS[name])).toEqual([]);
  });
});

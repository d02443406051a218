/**
 * POST /api/v1/campaigns/import: the text of a directive (plain text or .docx) in, a campaign
 * draft out, with a report of what was matched, extracted, ignored and must be reviewed. Nothing
 * is launched: the secretariat reviews the draft, then POSTs it to /api/v1/campaigns.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { CampaignKeySchema } from '../../domain/campaign/campaign';
import { toAgency } from '../../db/models/agencyModel';
import { DraftInvalidError } from '../../importer/buildDraft';
import { docxToText } from '../../importer/docxText';
import { renderDraftYaml } from '../../importer/draftYaml';
import { formatSummary } from '../../importer/formatSummary';
import { importDirective } from '../../importer/importDirective';
import { dateAt } from '../../domain/time/localDate';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function campaignImportRoutes(deps: ApiDeps): Router {
  const router = Router();
  // Word documents are larger than JSON requests; this route alone takes up to 10 MB of them.
  router.use('/campaigns/import', express.raw({ type: DOCX, limit: '10mb' }), express.text({ type: 'text/plain', limit: '2mb' }));
  defineRoute(
    router,
    deps.registry,
    {
      method: 'post',
      path: '/campaigns/import',
      summary: 'Lập bản nháp kế hoạch từ văn bản chỉ đạo (văn bản thuần hoặc .docx), kèm báo cáo những điểm cần rà soát',
      tag: 'Kế hoạch',
      roles: ['secretariat'],
      query: z.object({ key: CampaignKeySchema.optional() }),
      consumes: ['text/plain', DOCX],
      produces: ['application/json', 'application/yaml'],
      responses: { 415: 'Không phải văn bản thuần hay .docx' },
    },
    async ({ req, res, query }) => {
      let text: string;
      const warnings: string[] = [];
      if (req.is(DOCX) && Buffer.isBuffer(req.body)) {
        try {
          const read = await docxToText(req.body);
          text = read.text;
          warnings.push(...read.warnings);
        } catch {
          throw problems.malformedBody('.docx');
        }
      } else if (req.is('text/plain') && typeof req.body === 'string') {
        text = req.body;
      } else {
        throw problems.unsupportedMediaType(`text/plain hoặc ${DOCX}`);
      }
      if (text.trim() === '') throw problems.validation([{ field: 'body', message: 'Văn bản trống.' }]);
      const directory = (await deps.db.agencies.find().sort({ _id: 1 }).lean()).map(toAgency);
      try {
        const result = importDirective(text, { directory, key: query.key, today: dateAt(Date.now()) });
        const yaml = renderDraftYaml(result.draftInput, result.report.review);
        // Accept: application/yaml gets the draft file itself, to edit and POST to /campaigns as is.
        if (req.accepts(['application/json', 'application/yaml']) === 'application/yaml') {
          res.status(200).type('application/yaml; charset=utf-8').send(yaml);
          return;
        }
        return {
          status: 200,
          body: {
            draft: result.draft,
            report: result.report,
            summary: formatSummary(result.report, directory),
            yaml,
            warnings,
          },
        };
      } catch (error) {
        if (error instanceof DraftInvalidError) throw problems.validation([{ field: 'body', message: error.message }]);
        throw error;
      }
    },
  );
  return router;
}

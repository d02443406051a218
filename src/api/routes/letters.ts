/**
 * /api/v1/campaigns/{key}/agencies/{code}/overdue-letter (secretariat): the văn bản đôn đốc to one
 * agency listing its overdue tasks of the campaign as of today, as a PDF or as a .docx to edit
 * before signing. `format=pdf|docx` chooses; without it the Accept header does (PDF for any).
 */
import { Router } from 'express';
import { z } from 'zod';
import { AgencyCodeSchema } from '../../domain/agency/agency';
import { CampaignKeySchema } from '../../domain/campaign/campaign';
import { LETTER_CONTENT_TYPES, LETTER_FORMATS, letterFilename, overdueLetter, type LetterFormat } from '../../services/overdueLetter';
import { sendLetterFile } from '../sendLetterFile';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const LetterParams = z.object({ key: CampaignKeySchema, code: AgencyCodeSchema });
const LetterQuery = z.object({ format: z.enum(LETTER_FORMATS).optional() });

const notAcceptable = () =>
  problems.notAcceptable(`Văn bản đôn đốc có dạng ${Object.values(LETTER_CONTENT_TYPES).join(' hoặc ')}; hãy gửi Accept phù hợp hoặc tham số format=pdf hoặc format=docx.`);

export function letterRoutes(deps: ApiDeps): Router {
  const router = Router();
  defineRoute(
    router,
    deps.registry,
    {
      method: 'get',
      path: '/campaigns/:key/agencies/:code/overdue-letter',
      summary: 'Văn bản đôn đốc gửi một cơ quan về các nhiệm vụ quá hạn của kế hoạch, tính đến hôm nay (PDF, hoặc .docx để chỉnh sửa trước khi ký)',
      tag: 'Văn bản đôn đốc',
      roles: ['secretariat'],
      params: LetterParams,
      query: LetterQuery,
      produces: Object.values(LETTER_CONTENT_TYPES),
      responses: { 404: 'Không có kế hoạch hoặc cơ quan này', 406: 'Không có dạng văn bản theo Accept', 409: 'Cơ quan không có nhiệm vụ quá hạn nào trong kế hoạch' },
    },
    async ({ req, res, params, query }) => {
      const accepted = req.accepts(Object.values(LETTER_CONTENT_TYPES));
      const format: LetterFormat | undefined = query.format ?? (accepted === LETTER_CONTENT_TYPES.docx ? 'docx' : accepted ? 'pdf' : undefined);
      if (!format) throw notAcceptable();
      const at = Date.now();
      const outcome = await overdueLetter(deps.letters, { campaignKey: params.key, agencyCode: params.code, at });
      if (outcome.kind === 'noCampaign') throw problems.notFound(`Không có kế hoạch ${params.key}.`);
      if (outcome.kind === 'noAgency') throw problems.notFound(`Không có cơ quan mã ${params.code}.`);
      if (outcome.kind === 'nothingOverdue') {
        throw problems.conflict(`${outcome.agencyName} không có nhiệm vụ quá hạn nào (chưa gửi kết quả) trong kế hoạch "${outcome.campaignTitle}": không có gì để đôn đốc.`);
      }
      await sendLetterFile(res, outcome.letter, format, at, letterFilename({ campaignKey: params.key, agencyCode: params.code }, outcome.date, format));
    },
  );
  return router;
}

/**
 * /api/v1/campaigns/{key}/mail-settings (secretariat): the switch that sends every email of one
 * campaign to a test mailbox instead of its real recipients (`{"testMailbox": "..."}`; null to
 * turn it off).
 */
import { Router } from 'express';
import { z } from 'zod';
import { CampaignKeySchema } from '../../domain/campaign/campaign';
import { readCampaignMailSettings, writeCampaignMailSettings } from '../../outbox/campaignMailSettings';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

const KeyParams = z.object({ key: CampaignKeySchema });
const MailSettingsBody = z
  .object({ testMailbox: z.email('Địa chỉ email hộp thư thử nghiệm không hợp lệ.').nullable() })
  .strict();

export function campaignMailSettingsRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;
  const notFound = (key: string) => problems.notFound(`Không có kế hoạch ${key}.`);

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/campaigns/:key/mail-settings',
      summary: 'Cài đặt gửi thư của một kế hoạch (hộp thư thử nghiệm)',
      tag: 'Thư điện tử',
      roles: ['secretariat'],
      params: KeyParams,
      responses: { 404: 'Không có kế hoạch này' },
    },
    async ({ params }) => {
      const settings = await readCampaignMailSettings(db, params.key);
      if (!settings) throw notFound(params.key);
      return { status: 200, body: { campaignKey: params.key, ...settings } };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/campaigns/:key/mail-settings',
      summary: 'Bật/tắt hộp thư thử nghiệm: mọi thư của kế hoạch gửi về một địa chỉ thay cho người nhận thật',
      tag: 'Thư điện tử',
      roles: ['secretariat'],
      params: KeyParams,
      body: MailSettingsBody,
      responses: { 404: 'Không có kế hoạch này' },
    },
    async ({ params, body, caller }) => {
      const settings = { testMailbox: body.testMailbox, updatedAt: new Date(), updatedBy: caller.actor.name ?? caller.actor.role };
      if (!(await writeCampaignMailSettings(db, params.key, settings))) throw notFound(params.key);
      return { status: 200, body: { campaignKey: params.key, ...settings } };
    },
  );

  return router;
}

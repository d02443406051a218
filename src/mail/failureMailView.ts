/** The data the secretariat's "could not be delivered" notice sees. */
import { MAIL_KIND_LABELS, type MailKind } from '../domain/notification/mailKinds';
import { formatMailbox, type Mailbox } from '../domain/notification/mailbox';
import type { Campaign } from '../domain/campaign/campaign';
import { campaignView } from './assignmentMailView';
import { portalLinks } from './portalLinks';
import { instantText } from './vietnameseLabels';

export function buildFailureMailView(input: {
  campaignKey: string;
  campaign?: Campaign;
  failedEntryId: string;
  failedKind: MailKind;
  assignmentId: string | null;
  agency: { code: string; name: string } | null;
  /** The recipients refused (all of them when the email failed, some when it went to the others). */
  refused: { address: string; response: string }[];
  /** Why, in the SMTP server's words (or the engine's, e.g. no address in the directory). */
  reason: string;
  /** True when the email was still delivered to its other recipients. */
  partlyDelivered: boolean;
  intended: { to: Mailbox[]; cc: Mailbox[] };
  at: number;
  /** PORTAL_URL: links to the assignment's page when the email was about one. */
  portalUrl: string;
}) {
  return {
    kindLabel: MAIL_KIND_LABELS.deliveryFailure,
    ...campaignView(input.campaignKey, input.campaign),
    portal: portalLinks(input.portalUrl, input.assignmentId ?? undefined),
    failed: {
      id: input.failedEntryId,
      kind: MAIL_KIND_LABELS[input.failedKind],
      assignmentId: input.assignmentId,
      agency: input.agency,
      reason: input.reason,
      refused: input.refused,
      partlyDelivered: input.partlyDelivered,
      to: input.intended.to.map(formatMailbox).join(', '),
      cc: input.intended.cc.map(formatMailbox).join(', '),
      at: instantText(input.at),
    },
  };
}

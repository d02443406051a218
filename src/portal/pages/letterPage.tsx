/**
 * /ke-hoach/:key/van-ban-don-doc/:code (secretariat): the văn bản đôn đốc to one agency about its
 * overdue tasks of the campaign as of today; `?dang=docx` gives the Word file to edit before
 * signing, otherwise the PDF. The same service as the API's letter route. The links to it are on
 * the overdue page (/qua-han), one per agency and campaign (OverdueLetterLinks).
 */
import { Router } from 'express';
import type { AssignmentRow } from '../../services/portalQueries';
import { letterFilename, overdueLetter, OWED_STATUSES } from '../../services/overdueLetter';
import { sendLetterFile } from '../../api/sendLetterFile';
import { sendRefusal } from '../session/refusalPage';
import { requireSignIn } from '../session/requireSignIn';
import type { PortalDeps } from '../session/portalDeps';
import { sendPage } from '../render';
import { NotFoundPage } from '../views/MessagePage';
import { field, pageContext } from './pageContext';

export const letterPath = (campaignKey: string, agencyCode: string, format: 'pdf' | 'docx' = 'pdf') =>
  `/ke-hoach/${encodeURIComponent(campaignKey)}/van-ban-don-doc/${encodeURIComponent(agencyCode)}${format === 'docx' ? '?dang=docx' : ''}`;

/** One line per agency and campaign with tasks owed past their deadline: the letter as PDF and as .docx. */
export function OverdueLetterLinks({ rows, campaignTitles }: { rows: AssignmentRow[]; campaignTitles: Map<string, string> }) {
  const groups = new Map<string, { campaignKey: string; agencyCode: string; agencyName: string; count: number }>();
  for (const row of rows) {
    if (!OWED_STATUSES.includes(row.status)) continue;
    const key = `${row.campaignKey}|${row.agencyCode}`;
    const group = groups.get(key) ?? { campaignKey: row.campaignKey, agencyCode: row.agencyCode, agencyName: row.agencyName, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  if (groups.size === 0) return null;
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.agencyName.localeCompare(b.agencyName, 'vi'));
  return (
    <section aria-labelledby="van-ban-don-doc">
      <h2 id="van-ban-don-doc">Văn bản đôn đốc</h2>
      <p>Văn bản gửi từng cơ quan về các nhiệm vụ quá hạn chưa gửi kết quả của một kế hoạch, tính đến hôm nay. Tải bản Word để chỉnh sửa trước khi trình ký.</p>
      <ul class="letter-list">
        {sorted.map((group) => (
          <li>
            {group.agencyName} – {campaignTitles.get(group.campaignKey) ?? group.campaignKey}: {group.count} nhiệm vụ.{' '}
            <a href={letterPath(group.campaignKey, group.agencyCode)} download>
              Tải PDF<span class="visually-hidden"> văn bản đôn đốc {group.agencyName}</span>
            </a>{' '}
            ·{' '}
            <a href={letterPath(group.campaignKey, group.agencyCode, 'docx')} download>
              Tải Word (.docx)<span class="visually-hidden"> văn bản đôn đốc {group.agencyName}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function letterPage(deps: Pick<PortalDeps, 'letters'>): Router {
  const router = Router();
  router.get('/ke-hoach/:key/van-ban-don-doc/:code', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    if (caller.actor.role !== 'secretariat') {
      return sendRefusal(res, { status: 403, title: 'Không có quyền', message: 'Chỉ Thường trực Ban Chỉ đạo (Sở Nội vụ) lập văn bản đôn đốc.' });
    }
    const format = field(req.query, 'dang') === 'docx' ? 'docx' : 'pdf';
    const request = { campaignKey: String(req.params.key), agencyCode: String(req.params.code), at: Date.now() };
    const outcome = await overdueLetter(deps.letters, request);
    if (outcome.kind === 'noCampaign' || outcome.kind === 'noAgency') return sendPage(res, <NotFoundPage person={person} csrfToken={csrfToken} />, 404);
    if (outcome.kind === 'nothingOverdue') {
      return sendRefusal(res, {
        status: 409,
        title: 'Không có gì để đôn đốc',
        message: `${outcome.agencyName} không còn nhiệm vụ quá hạn nào chưa gửi kết quả trong kế hoạch "${outcome.campaignTitle}".`,
        action: { href: '/qua-han', label: 'Về danh sách nhiệm vụ quá hạn' },
      });
    }
    await sendLetterFile(res, outcome.letter, format, request.at, letterFilename(request, outcome.date, format));
  });
  return router;
}

/**
 * /can-xu-ly: what waits on the secretariat, oldest first in each list: results to accept or
 * return, extension requests to decide, and emails that could not be delivered.
 */
import { Router } from 'express';
import type { ApiDeps } from '../../api/apiDeps';
import { secretariatQueue, type QueueItem } from '../../services/secretariatQueue';
import { sendPage } from '../render';
import { ageText, instantText } from '../views/format';
import { Layout } from '../views/Layout';
import { MessagePage } from '../views/MessagePage';
import { requireSignIn } from '../session/requireSignIn';
import { pageContext } from './pageContext';
import { calendarDecisionNotice } from '../../services/calendarService';
import { CalendarWarning } from '../views/CalendarWarning';

function QueueTable({ items, caption, detailLabel, sinceLabel }: { items: QueueItem[]; caption: string; detailLabel: string; sinceLabel: string }) {
  if (items.length === 0) return <p>Không có việc nào đang chờ.</p>;
  return (
    <table class="table table--stack">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nhiệm vụ</th>
          <th scope="col">Cơ quan</th>
          <th scope="col">{detailLabel}</th>
          <th scope="col">{sinceLabel}</th>
          <th scope="col">Đã chờ</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td data-label="Nhiệm vụ">
              <a href={`/nhiem-vu/${encodeURIComponent(item.assignmentId)}`}>{item.title}</a>
              <div class="muted">{item.assignmentId}</div>
            </td>
            <td data-label="Cơ quan">{item.agencyName}</td>
            <td data-label={detailLabel} class="clamp">
              {item.detail}
            </td>
            <td data-label={sinceLabel}>{instantText(item.since)}</td>
            <td data-label="Đã chờ">
              <strong>{ageText(item.since)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function secretariatQueuePage(deps: Pick<ApiDeps, 'db'>): Router {
  const router = Router();
  router.get('/can-xu-ly', requireSignIn, async (req, res) => {
    const { caller, person, csrfToken } = pageContext(req, res);
    if (caller.actor.role !== 'secretariat') {
      return sendPage(
        res,
        <MessagePage title="Không có quyền xem trang này" person={person} csrfToken={csrfToken}>
          <p>Trang "Cần xử lý" dành cho Ban Chỉ đạo CCHC (Sở Nội vụ).</p>
        </MessagePage>,
        403,
      );
    }
    const queue = await secretariatQueue(deps.db);
    const calendar = await calendarDecisionNotice(deps.db);
    const total = queue.results.length + queue.extensions.length + queue.failedEmails.length;
    sendPage(
      res,
      <Layout title="Cần xử lý" person={person} csrfToken={csrfToken}>
        <h1>Cần xử lý</h1>
        <CalendarWarning warning={calendar.warning} />
        <p role="status">{total === 0 ? 'Không có việc nào đang chờ Ban Chỉ đạo.' : `Có ${total} việc đang chờ Ban Chỉ đạo.`}</p>
        <ul class="jump-links">
          <li>
            <a href="#ket-qua">Kết quả chờ công nhận ({queue.results.length})</a>
          </li>
          <li>
            <a href="#gia-han">Đề nghị gia hạn chờ quyết định ({queue.extensions.length})</a>
          </li>
          <li>
            <a href="#email">Email không gửi được ({queue.failedEmails.length})</a>
          </li>
        </ul>
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua">Kết quả chờ công nhận ({queue.results.length})</h2>
          <QueueTable items={queue.results} caption="Kết quả chờ công nhận" detailLabel="Tóm tắt kết quả" sinceLabel="Gửi lúc" />
        </section>
        <section aria-labelledby="gia-han">
          <h2 id="gia-han">Đề nghị gia hạn chờ quyết định ({queue.extensions.length})</h2>
          <QueueTable items={queue.extensions} caption="Đề nghị gia hạn chờ quyết định" detailLabel="Lý do" sinceLabel="Đề nghị lúc" />
        </section>
        <section aria-labelledby="email">
          <h2 id="email">Email không gửi được ({queue.failedEmails.length})</h2>
          {queue.failedEmails.length === 0 ? (
            <p>Không có email nào bị lỗi.</p>
          ) : (
            <table class="table table--stack">
              <caption class="visually-hidden">Email không gửi được</caption>
              <thead>
                <tr>
                  <th scope="col">Loại</th>
                  <th scope="col">Người nhận</th>
                  <th scope="col">Lý do</th>
                  <th scope="col">Đã chờ</th>
                </tr>
              </thead>
              <tbody>
                {queue.failedEmails.map((email) => (
                  <tr>
                    <td data-label="Loại">
                      {email.kind}
                      {email.assignmentId ? (
                        <div>
                          <a href={`/nhiem-vu/${encodeURIComponent(email.assignmentId)}`}>{email.assignmentId}</a>
                        </div>
                      ) : null}
                    </td>
                    <td data-label="Người nhận">{email.recipients || 'Không có địa chỉ'}</td>
                    <td data-label="Lý do" class="clamp">
                      {email.reason ?? ''}
                    </td>
                    <td data-label="Đã chờ">
                      <strong>{ageText(email.since)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </Layout>,
    );
  });
  return router;
}

/**
 * One assignment's page: the task, its deadline, the result sent, the timeline of every event, and
 * the forms of what the reader may do now. Links in evidence are shown as links only when they are
 * web links; everything else is text.
 */
import type { AssignmentPageData } from '../../services/assignmentPage';
import { formatBytes } from '../../services/evidenceStore';
import { kpiTargetText } from '../../mail/vietnameseLabels';
import { ActionForms, type FormState } from './ActionForms';
import { CategoryTag } from './CategoryTag';
import { ErrorSummary } from './ErrorSummary';
import { dateText, instantText, numberText } from './format';
import { Layout, type SignedInPerson } from './Layout';
import { StandingText } from './StandingText';

export interface AssignmentViewProps {
  data: AssignmentPageData;
  person?: SignedInPerson;
  csrfToken?: string;
  form?: FormState;
  /** After a successful action (Post/Redirect/Get). */
  notice?: string;
  agencies: { code: string; name: string }[];
  maxEvidenceMb: number;
}

const isWebLink = (link: string) => /^https?:\/\//i.test(link);

const RELATION_NOTES = {
  lead: undefined,
  coordinator: 'Cơ quan bạn phối hợp thực hiện nhiệm vụ này: bạn xem được và có thể thêm ý kiến phối hợp.',
  secretariat: undefined,
  committee: 'Bạn chỉ xem, không thay đổi nhiệm vụ.',
} as const;

export function AssignmentView({ data, person, csrfToken, form, notice, agencies, maxEvidenceMb }: AssignmentViewProps) {
  const { row, state } = data;
  const result = state.result;
  const base = `/nhiem-vu/${encodeURIComponent(row.id)}`;
  return (
    <Layout title={row.title} person={person} csrfToken={csrfToken}>
      {form ? <ErrorSummary errors={form.errors} /> : null}
      {notice ? (
        <div class="notice" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <p class="caption">
        {data.campaign.title} · Mục {row.sectionNumber}
      </p>
      <h1>{row.title}</h1>
      {RELATION_NOTES[data.relation] ? <p class="inset">{RELATION_NOTES[data.relation]}</p> : null}

      <dl class="summary-list">
        <div>
          <dt>Tình trạng</dt>
          <dd>
            <CategoryTag category={row.category} />
          </dd>
        </div>
        <div>
          <dt>Trạng thái</dt>
          <dd>{row.statusText}</dd>
        </div>
        <div>
          <dt>Hạn xử lý</dt>
          <dd>
            {dateText(state.deadline)} · <StandingText standing={row.standing} />
            {state.originalDeadline !== state.deadline ? <div>Hạn ban đầu: {dateText(state.originalDeadline)}</div> : null}
            {state.pendingExtension ? (
              <div>
                Đang đề nghị gia hạn đến {dateText(state.pendingExtension.requestedDeadline)} (chờ Ban Chỉ đạo quyết định)
              </div>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Cơ quan chủ trì</dt>
          <dd>{data.lead.name}</dd>
        </div>
        <div>
          <dt>Cơ quan phối hợp</dt>
          <dd>{data.coordinating.length ? data.coordinating.map((a) => a.name).join('; ') : 'Không có'}</dd>
        </div>
        <div>
          <dt>Văn bản chỉ đạo</dt>
          <dd>
            {data.campaign.directive
              ? `${data.campaign.directive.number} ngày ${dateText(data.campaign.directive.date)} của ${data.campaign.directive.issuer}: ${data.campaign.directive.title}`
              : data.campaign.title}
          </dd>
        </div>
        <div>
          <dt>Mã nhiệm vụ</dt>
          <dd>{row.id}</dd>
        </div>
      </dl>

      <h2>Nội dung nhiệm vụ</h2>
      <p class="pre-line">{state.details ?? state.title}</p>
      <p class="muted">Mục {state.sectionNumber}: {data.sectionTitle}</p>
      {state.citations?.length ? (
        <p>
          Căn cứ: {state.citations.join('; ')}
        </p>
      ) : null}
      {data.kpiTargets.length ? (
        <>
          <h3>Chỉ tiêu</h3>
          <ul>
            {data.kpiTargets.map((target) => (
              <li>{kpiTargetText(target)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {state.lastReturnComment && state.status === 'inProgress' ? (
        <div class="inset inset--warning">
          <strong>Ban Chỉ đạo trả lại để hoàn thiện:</strong> {state.lastReturnComment}
        </div>
      ) : null}

      {result ? (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua">Kết quả đã gửi</h2>
          <p class="muted">Gửi lúc {instantText(result.submittedAt)}</p>
          <p class="pre-line">{result.summary}</p>
          {result.kpiValues.length ? (
            <ul>
              {result.kpiValues.map((kpi) => (
                <li>
                  {kpi.indicator}: {numberText(kpi.value)}
                  {kpi.unit === '%' ? '%' : kpi.unit ? ` ${kpi.unit}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {result.evidenceFiles?.length || result.evidenceLinks.length ? (
            <>
              <h3>Minh chứng</h3>
              <ul class="evidence">
                {(result.evidenceFiles ?? []).map((file) => (
                  <li>
                    <a href={`${base}/minh-chung/${file.id}`} download={file.name}>
                      {file.name}
                    </a>{' '}
                    <span class="muted">
                      ({formatBytes(file.size)}; mã kiểm tra SHA-256 {file.sha256.slice(0, 12)}…)
                    </span>
                  </li>
                ))}
                {result.evidenceLinks.map((link) => (
                  <li>{isWebLink(link) ? <a href={link} rel="noopener noreferrer nofollow" target="_blank">{link}</a> : <span>{link}</span>}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <ActionForms data={data} csrfToken={csrfToken} form={form} agencies={agencies} maxEvidenceMb={maxEvidenceMb} />

      <section aria-labelledby="dien-bien">
        <h2 id="dien-bien">Diễn biến</h2>
        <ol class="timeline">
          {data.timeline.map((entry) => (
            <li class="timeline__item">
              <p class="timeline__head">
                <strong>{entry.label}</strong> <span class="muted">· {instantText(entry.at)}</span>
              </p>
              <p class="timeline__who">{entry.who}</p>
              <p class="pre-line">{entry.description}</p>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

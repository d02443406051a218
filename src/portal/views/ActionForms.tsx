/**
 * The forms of the actions a person may take now on an assignment, each in its own section with
 * a heading. A form that came back with an error shows it next to its field, and what was typed.
 */
import type { AssignmentCommandType } from '../../domain/assignment/assignmentCommandSchema';
import type { AssignmentPageData } from '../../services/assignmentPage';
import { ACCEPTED_EVIDENCE } from '../../services/evidenceType';
import { kpiTargetText } from '../../mail/vietnameseLabels';
import { ACTION_SLUGS, type FormValues } from '../pages/actionForms';
import { errorFor, type FieldError } from './ErrorSummary';
import { CsrfField, FileField, SelectField, TextArea, TextField } from './Fields';
import { addDays } from '../../domain/time/localDate';
import { dateText } from './format';

export interface FormState {
  action: AssignmentCommandType;
  values: FormValues;
  errors: FieldError[];
}

interface Props {
  data: AssignmentPageData;
  csrfToken?: string;
  form?: FormState;
  agencies: { code: string; name: string }[];
  maxEvidenceMb: number;
}

const TITLES: Record<AssignmentCommandType, string> = {
  acknowledge: 'Tiếp nhận nhiệm vụ',
  reportProgress: 'Báo cáo tiến độ',
  submitResult: 'Gửi kết quả thực hiện',
  requestExtension: 'Đề nghị gia hạn',
  accept: 'Công nhận hoàn thành',
  returnForRework: 'Trả lại để hoàn thiện',
  decideExtension: 'Quyết định gia hạn',
  reassign: 'Giao lại cho cơ quan khác',
  cancel: 'Hủy nhiệm vụ',
  addCoordinationNote: 'Ý kiến phối hợp',
};

function ActionForm({ action, id, csrfToken, children, button, multipart, warning }: { action: AssignmentCommandType; id: string; csrfToken?: string; children?: preact.ComponentChildren; button: string; multipart?: boolean; warning?: boolean }) {
  return (
    <section class="action" aria-labelledby={`tieu-de-${ACTION_SLUGS[action]}`}>
      <h3 id={`tieu-de-${ACTION_SLUGS[action]}`}>{TITLES[action]}</h3>
      <form method="post" action={`/nhiem-vu/${encodeURIComponent(id)}/${ACTION_SLUGS[action]}`} enctype={multipart ? 'multipart/form-data' : undefined} novalidate>
        <CsrfField token={csrfToken} />
        {children}
        <button type="submit" class={warning ? 'button button--warning' : 'button'}>
          {button}
        </button>
      </form>
    </section>
  );
}

export function ActionForms({ data, csrfToken, form, agencies, maxEvidenceMb }: Props) {
  const id = data.row.id;
  const valuesOf = (action: AssignmentCommandType) => (form?.action === action ? form.values : {});
  const errorsOf = (action: AssignmentCommandType) => (form?.action === action ? form.errors : []);
  const forms = data.actions.map((action) => {
    const v = valuesOf(action);
    const e = errorsOf(action);
    switch (action) {
      case 'acknowledge':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Tiếp nhận">
            <p>Xác nhận cơ quan đã nhận nhiệm vụ và sẽ thực hiện.</p>
          </ActionForm>
        );
      case 'reportProgress':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Gửi báo cáo tiến độ">
            <TextField id="phan-tram" label="Tỷ lệ hoàn thành (%)" hint="Một số từ 0 đến 100; có thể để trống." value={v['phan-tram']} error={errorFor(e, 'phan-tram')} inputMode="decimal" width="short" />
            <TextArea id="ghi-chu-tien-do" label="Nội dung tiến độ" value={v['ghi-chu-tien-do']} error={errorFor(e, 'ghi-chu-tien-do')} />
          </ActionForm>
        );
      case 'submitResult':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Gửi kết quả" multipart>
            <TextArea id="tom-tat" label="Tóm tắt kết quả" rows={6} value={v['tom-tat']} error={errorFor(e, 'tom-tat')} />
            {data.kpiTargets.map((target, index) => (
              <TextField
                id={`chi-tieu-${index}`}
                label={`Kết quả chỉ tiêu: ${target.indicator}${target.unit ? ` (${target.unit})` : ''}`}
                hint={`Chỉ tiêu: ${kpiTargetText(target)}. Dùng dấu phẩy cho số thập phân, ví dụ 0,3.`}
                value={v[`chi-tieu-${index}`]}
                error={errorFor(e, `chi-tieu-${index}`)}
                inputMode="decimal"
                width="short"
              />
            ))}
            <FileField
              id="tep-minh-chung"
              label="Tệp minh chứng"
              hint={`${ACCEPTED_EVIDENCE}; mỗi tệp tối đa ${maxEvidenceMb} MB. Có thể chọn nhiều tệp.`}
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
              error={errorFor(e, 'tep-minh-chung')}
              multiple
            />
            <TextArea id="duong-dan" label="Đường dẫn minh chứng (nếu có)" hint="Mỗi dòng một đường dẫn, bắt đầu bằng https:// hoặc http://." rows={3} value={v['duong-dan']} error={errorFor(e, 'duong-dan')} />
          </ActionForm>
        );
      case 'requestExtension':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Gửi đề nghị gia hạn">
            <TextField id="ngay-de-nghi" label="Đề nghị gia hạn đến ngày" hint={`Ngày/tháng/năm, sau hạn hiện tại ${dateText(data.state.deadline)}. Ví dụ: ${dateText(addDays(data.state.deadline, 14))}.`} value={v['ngay-de-nghi']} error={errorFor(e, 'ngay-de-nghi')} width="short" />
            <TextArea id="ly-do-gia-han" label="Lý do" value={v['ly-do-gia-han']} error={errorFor(e, 'ly-do-gia-han')} />
          </ActionForm>
        );
      case 'accept':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Công nhận hoàn thành">
            <TextArea id="nhan-xet" label="Nhận xét (nếu có)" value={v['nhan-xet']} error={errorFor(e, 'nhan-xet')} rows={3} />
          </ActionForm>
        );
      case 'returnForRework':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Trả lại" warning>
            <TextArea id="ly-do-tra-lai" label="Lý do trả lại" hint="Cơ quan sẽ nhận được lý do này qua email." value={v['ly-do-tra-lai']} error={errorFor(e, 'ly-do-tra-lai')} />
          </ActionForm>
        );
      case 'decideExtension': {
        const pending = data.state.pendingExtension!;
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Ghi quyết định">
            <p>
              Cơ quan đề nghị gia hạn đến <strong>{dateText(pending.requestedDeadline)}</strong>: {pending.reason}
            </p>
            <fieldset class={errorFor(e, 'quyet-dinh') ? 'fieldset field--error' : 'fieldset'} id="quyet-dinh">
              <legend>Quyết định</legend>
              {errorFor(e, 'quyet-dinh') ? <p class="field__error">{errorFor(e, 'quyet-dinh')}</p> : null}
              <div class="radio">
                <input type="radio" id="quyet-dinh-dong-y" name="quyet-dinh" value="dong-y" checked={v['quyet-dinh'] === 'dong-y'} />
                <label for="quyet-dinh-dong-y">Đồng ý gia hạn</label>
              </div>
              <div class="radio">
                <input type="radio" id="quyet-dinh-khong" name="quyet-dinh" value="khong-dong-y" checked={v['quyet-dinh'] === 'khong-dong-y'} />
                <label for="quyet-dinh-khong">Không đồng ý</label>
              </div>
            </fieldset>
            <TextField id="ngay-gia-han" label="Gia hạn đến ngày khác (nếu có)" hint="Để trống để đồng ý đúng ngày cơ quan đề nghị. Ngày/tháng/năm." value={v['ngay-gia-han']} error={errorFor(e, 'ngay-gia-han')} width="short" />
            <TextArea id="y-kien-gia-han" label="Ý kiến (nếu có)" value={v['y-kien-gia-han']} error={errorFor(e, 'y-kien-gia-han')} rows={3} />
          </ActionForm>
        );
      }
      case 'reassign':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Tiếp tục" warning>
            <SelectField
              id="co-quan-moi"
              label="Giao cho cơ quan"
              value={v['co-quan-moi']}
              error={errorFor(e, 'co-quan-moi')}
              options={[{ value: '', label: 'Chọn cơ quan' }, ...agencies.filter((a) => a.code !== data.lead.code).map((a) => ({ value: a.code, label: a.name }))]}
            />
            <TextArea id="y-kien-giao-lai" label="Ý kiến (nếu có)" value={v['y-kien-giao-lai']} error={errorFor(e, 'y-kien-giao-lai')} rows={3} />
            <p class="muted">Bạn sẽ được xem lại trước khi xác nhận.</p>
          </ActionForm>
        );
      case 'cancel':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Tiếp tục" warning>
            <TextArea id="ly-do-huy" label="Lý do hủy" value={v['ly-do-huy']} error={errorFor(e, 'ly-do-huy')} rows={3} />
            <p class="muted">Bạn sẽ được xem lại trước khi xác nhận. Nhiệm vụ đã hủy không mở lại được.</p>
          </ActionForm>
        );
      case 'addCoordinationNote':
        return (
          <ActionForm action={action} id={id} csrfToken={csrfToken} button="Gửi ý kiến phối hợp">
            <TextArea id="y-kien-phoi-hop" label="Ý kiến phối hợp" hint="Ý kiến được ghi vào diễn biến của nhiệm vụ; cơ quan chủ trì và Ban Chỉ đạo đều xem được." value={v['y-kien-phoi-hop']} error={errorFor(e, 'y-kien-phoi-hop')} />
          </ActionForm>
        );
    }
  });
  if (forms.length === 0) return null;
  return (
    <section aria-labelledby="thao-tac" class="actions">
      <h2 id="thao-tac">Thao tác</h2>
      {forms}
    </section>
  );
}

/**
 * The sign-in pages, one main thing each: type your email; check your mailbox; confirm the
 * sign-in from the emailed link; or learn that the link has expired or was used, and ask again.
 */
import { SIGN_IN_CODE_MINUTES } from '../../domain/person/signInCode';
import { Layout } from '../views/Layout';

const hiddenNext = (next: string) => (next === '/' ? null : <input type="hidden" name="tiep" value={next} />);
const newLinkHref = (next: string) => (next === '/' ? '/dang-nhap' : `/dang-nhap?tiep=${encodeURIComponent(next)}`);

export interface SignInFormProps {
  csrfToken: string;
  next: string;
  /** What the person typed, kept when the form comes back with an error. */
  email?: string;
  error?: string;
  signedOut?: boolean;
}

export function SignInForm({ csrfToken, next, email, error, signedOut }: SignInFormProps) {
  return (
    <Layout title={error ? `Lỗi: Đăng nhập` : 'Đăng nhập'}>
      {signedOut ? (
        <div class="notice" role="status">
          <p>Bạn đã đăng xuất.</p>
        </div>
      ) : null}
      {error ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">Có lỗi cần sửa</h2>
          <ul>
            <li>
              <a href="#email">{error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <h1>Đăng nhập</h1>
      <p>
        Nhập email công vụ của bạn. Hệ thống sẽ gửi tới email đó một đường liên kết để đăng nhập, dùng được một lần trong{' '}
        {SIGN_IN_CODE_MINUTES} phút.
      </p>
      <form method="post" action="/dang-nhap" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {hiddenNext(next)}
        <div class={error ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="email">
            Email công vụ
          </label>
          <div class="hint" id="email-hint">
            Ví dụ: nguyenvana@stnmt.hcm.gov.vn
          </div>
          {error ? (
            <p class="error-message" id="email-error">
              <span class="visually-hidden">Lỗi: </span>
              {error}
            </p>
          ) : null}
          <input
            class="input"
            id="email"
            name="email"
            type="email"
            value={email ?? ''}
            autocomplete="email"
            spellcheck={false}
            aria-describedby={error ? 'email-hint email-error' : 'email-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">
          Gửi liên kết đăng nhập
        </button>
      </form>
    </Layout>
  );
}

export function CheckEmailPage() {
  return (
    <Layout title="Kiểm tra hộp thư">
      <h1>Kiểm tra hộp thư của bạn</h1>
      <p>
        Nếu địa chỉ bạn nhập là email công vụ đã có trong danh bạ, hệ thống vừa gửi tới đó một thư có đường liên kết đăng
        nhập.
      </p>
      <p>
        Mở thư và bấm vào đường liên kết. Liên kết dùng được một lần, trong {SIGN_IN_CODE_MINUTES} phút.
      </p>
      <h2>Không nhận được thư?</h2>
      <p>Thư có thể đến chậm vài phút, hoặc nằm trong thư mục thư rác. Nếu email chưa có trong danh bạ, hãy liên hệ Thường trực Ban Chỉ đạo (Sở Nội vụ).</p>
      <p>
        <a href="/dang-nhap">Gửi lại liên kết đăng nhập</a>
      </p>
    </Layout>
  );
}

export function ConfirmSignInPage({ csrfToken, code }: { csrfToken: string; code: string }) {
  return (
    <Layout title="Xác nhận đăng nhập">
      <h1>Xác nhận đăng nhập</h1>
      <p>Bấm nút dưới đây để đăng nhập vào hệ thống theo dõi thực hiện nhiệm vụ.</p>
      <form method="post" action="/dang-nhap/xac-nhan">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="ma" value={code} />
        <button type="submit" class="button">
          Đăng nhập
        </button>
      </form>
    </Layout>
  );
}

const LINK_PROBLEMS = {
  expired: {
    title: 'Liên kết đăng nhập đã hết hạn',
    text: `Mỗi liên kết đăng nhập chỉ dùng được trong ${SIGN_IN_CODE_MINUTES} phút kể từ khi được gửi.`,
  },
  used: {
    title: 'Liên kết đăng nhập đã được sử dụng',
    text: 'Mỗi liên kết đăng nhập chỉ dùng được một lần. Nếu bạn vừa đăng nhập ở trình duyệt khác, hãy tiếp tục ở đó.',
  },
  unknown: {
    title: 'Liên kết đăng nhập không đúng',
    text: 'Có thể đường liên kết bị thiếu ký tự khi sao chép từ thư. Hãy bấm trực tiếp vào liên kết trong thư, hoặc yêu cầu liên kết mới.',
  },
} as const;

export function SignInLinkProblemPage({ problem, next }: { problem: keyof typeof LINK_PROBLEMS; next: string }) {
  const { title, text } = LINK_PROBLEMS[problem];
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={newLinkHref(next)} class="button">
          Yêu cầu liên kết mới
        </a>
      </p>
    </Layout>
  );
}

export function TooManyRequestsPage({ minutes }: { minutes: number }) {
  return (
    <Layout title="Quá nhiều yêu cầu đăng nhập">
      <h1>Bạn đã yêu cầu đăng nhập quá nhiều lần</h1>
      <p>
        Vì an toàn, hệ thống tạm ngừng gửi liên kết đăng nhập cho email này hoặc từ mạng này. Hãy đợi {minutes} phút rồi thử
        lại.
      </p>
      <p>Nếu bạn đã nhận được thư có liên kết đăng nhập trong {SIGN_IN_CODE_MINUTES} phút vừa qua, hãy dùng liên kết đó.</p>
    </Layout>
  );
}

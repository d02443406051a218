/**
 * The frame of every portal page: the service name, the signed-in person with a sign-out button,
 * the navigation of their role, and one main area. Styles come from /tai-nguyen (served by the app).
 */
import type { ComponentChildren } from 'preact';

export const SERVICE_NAME = 'Theo dõi thực hiện nhiệm vụ';

export interface SignedInPerson {
  name: string;
  agencyName?: string;
  role: 'secretariat' | 'agency' | 'committee';
}

export interface LayoutProps {
  /** The page's own title; the browser tab shows "title - service". */
  title: string;
  person?: SignedInPerson;
  /** The CSRF token of the session, for the sign-out form. */
  csrfToken?: string;
  children: ComponentChildren;
}

const NAVIGATION: Record<SignedInPerson['role'], { href: string; label: string }[]> = {
  agency: [{ href: '/nhiem-vu', label: 'Nhiệm vụ của cơ quan' }],
  secretariat: [
    { href: '/can-xu-ly', label: 'Cần xử lý' },
    { href: '/ke-hoach', label: 'Kế hoạch' },
  ],
  committee: [
    { href: '/ke-hoach', label: 'Kế hoạch' },
    { href: '/qua-han', label: 'Nhiệm vụ quá hạn' },
  ],
};

export function Layout({ title, person, csrfToken, children }: LayoutProps) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${SERVICE_NAME}`}</title>
        <link rel="stylesheet" href="/tai-nguyen/portal.css" />
      </head>
      <body>
        <a class="skip-link" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <header class="site-header">
          <div class="container">
            <a class="service-name" href="/">
              {SERVICE_NAME}
            </a>
            {person ? (
              <div class="signed-in">
                <span>
                  {person.name}
                  {person.agencyName ? ` (${person.agencyName})` : ''}
                </span>
                <form method="post" action="/dang-xuat" class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
                  <button type="submit" class="link-button">
                    Đăng xuất
                  </button>
                </form>
              </div>
            ) : null}
          </div>
          {person ? (
            <nav class="container site-nav" aria-label="Điều hướng chính">
              <ul>
                {NAVIGATION[person.role].map((item) => (
                  <li>
                    <a href={item.href}>{item.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="noi-dung" class="container" tabIndex={-1}>
          {children}
        </main>
        <script src="/tai-nguyen/portal.js" defer></script>
        <footer class="site-footer">
          <div class="container">Sở Nội vụ Thành phố Hồ Chí Minh, Thường trực Ban Chỉ đạo</div>
        </footer>
      </body>
    </html>
  );
}

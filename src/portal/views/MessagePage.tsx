/** A page with one message: not found, not allowed, done. */
import type { ComponentChildren } from 'preact';
import { Layout, type SignedInPerson } from './Layout';

export function MessagePage({ title, person, csrfToken, children }: { title: string; person?: SignedInPerson; csrfToken?: string; children: ComponentChildren }) {
  return (
    <Layout title={title} person={person} csrfToken={csrfToken}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

export function NotFoundPage({ person, csrfToken }: { person?: SignedInPerson; csrfToken?: string }) {
  return (
    <MessagePage title="Không tìm thấy trang" person={person} csrfToken={csrfToken}>
      <p>Không có nhiệm vụ hoặc trang này, hoặc bạn không có quyền xem.</p>
      <p>
        <a href="/">Về trang chủ</a>
      </p>
    </MessagePage>
  );
}

/**
 * The `tiep` parameter: where a person goes after signing in. Only a path on this site is kept
 * (no scheme, no host, no `//` or backslash tricks): anything else lands on the home page, so the
 * sign-in can never send someone to another site.
 */
const BASE = 'http://portal.invalid';

export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2_000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001f\u007f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  // Back to the sign-in itself would loop.
  if (url.pathname === '/dang-nhap' || url.pathname.startsWith('/dang-nhap/') || url.pathname === '/dang-xuat') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A browser's HTTP side for portal tests: keeps the cookies the portal sets, posts forms, never
 * follows redirects on its own (tests look at each 303), and reads the hidden fields of a page.
 */
export interface PortalResponse {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
  setCookies: string[];
}

export class PortalBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string, initialCookie?: string) {
    if (initialCookie) {
      const [name, value] = initialCookie.split('=') as [string, string];
      this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  async request(method: string, path: string, init: { body?: string | FormData; contentType?: string; headers?: Record<string, string> } = {}): Promise<PortalResponse> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const cookie = this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    if (init.contentType) headers['Content-Type'] = init.contentType;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: init.body, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get('location'), setCookies };
  }

  get(path: string): Promise<PortalResponse> {
    return this.request('GET', path);
  }

  /** Posts an urlencoded form (what a browser sends for a form without files). */
  post(path: string, fields: Record<string, string>): Promise<PortalResponse> {
    return this.request('POST', path, { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });
  }
}

/** The value of a hidden (or any) input of the page, by name. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
  return tag?.match(/value="([^"]*)"/)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

export const csrfOf = (html: string) => inputValue(html, '_csrf');

/**
 * The email templates, kept as files a non-programmer can edit (mail-templates/ at the project
 * root): per kind `<kind>.html` and `<kind>.txt`, whose first line `Tiêu đề: ...` is the subject.
 * `_layout.html` / `_layout.txt` wrap every message; any other `_name.html` / `_name.txt` is a
 * block a template can insert with `{{> name}}`. Placeholders are Handlebars (`{{assignment.title}}`),
 * compiled in strict mode so a misspelt placeholder fails loudly instead of sending a blank.
 *
 * Files are re-read when they change on disk: an edited template is used by the next email,
 * without restarting the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../stack/paths';

export const DEFAULT_TEMPLATES_DIR = path.join(PROJECT_ROOT, 'mail-templates');

export const SUBJECT_PREFIX = 'Tiêu đề:';

type Render = (data: object) => string;

export interface CompiledTemplate {
  subject: Render;
  text: Render;
  html: Render;
}

export class TemplateError extends Error {}

interface Cached {
  stamp: string;
  value: { html: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate; subject?: Handlebars.TemplateDelegate };
}

function splitSubject(file: string, source: string): { subject?: string; body: string } {
  const normalized = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const [first = '', ...rest] = normalized.split('\n');
  if (!first.startsWith(SUBJECT_PREFIX)) return { body: normalized };
  const subject = first.slice(SUBJECT_PREFIX.length).trim();
  if (!subject) throw new TemplateError(`${file}: dòng "${SUBJECT_PREFIX}" chưa có nội dung tiêu đề.`);
  return { subject, body: rest.join('\n').replace(/^\n+/, '') };
}

export class TemplateStore {
  private readonly cache = new Map<string, Cached>();

  constructor(readonly dir: string = DEFAULT_TEMPLATES_DIR) {}

  private read(file: string): { source: string; mtime: number } {
    const full = path.join(this.dir, file);
    try {
      return { source: fs.readFileSync(full, 'utf8'), mtime: fs.statSync(full).mtimeMs };
    } catch {
      throw new TemplateError(`Không tìm thấy mẫu thư ${full}.`);
    }
  }

  /** A fresh Handlebars with every `_name.*` block of the given extension registered as a partial. */
  private environment(extension: 'html' | 'txt'): { env: typeof Handlebars; stamp: string } {
    const env = Handlebars.create();
    const stamps: string[] = [];
    for (const file of fs.readdirSync(this.dir).sort()) {
      if (!file.startsWith('_') || !file.endsWith(`.${extension}`) || file.startsWith('_layout.')) continue;
      const { source, mtime } = this.read(file);
      env.registerPartial(file.slice(1, -extension.length - 1), source);
      stamps.push(`${file}@${mtime}`);
    }
    return { env, stamp: stamps.join(',') };
  }

  private compile(name: string): Cached['value'] {
    const html = this.read(`${name}.html`);
    const text = this.read(`${name}.txt`);
    const htmlEnv = this.environment('html');
    const textEnv = this.environment('txt');
    const stamp = [html.mtime, text.mtime, htmlEnv.stamp, textEnv.stamp].join('|');
    const cached = this.cache.get(name);
    if (cached && cached.stamp === stamp) return cached.value;
    const { subject, body } = splitSubject(`${name}.txt`, text.source);
    try {
      const value = {
        html: htmlEnv.env.compile(html.source, { strict: true }),
        text: textEnv.env.compile(body, { strict: true, noEscape: true }),
        subject: subject === undefined ? undefined : textEnv.env.compile(subject, { strict: true, noEscape: true }),
      };
      this.cache.set(name, { stamp, value });
      return value;
    } catch (error) {
      throw new TemplateError(`Mẫu thư ${name} có lỗi cú pháp: ${(error as Error).message}`);
    }
  }

  private guarded(name: string, part: string, template: Handlebars.TemplateDelegate | undefined): Render {
    return (data) => {
      if (!template) throw new TemplateError(`Mẫu thư ${name}.txt thiếu dòng đầu "${SUBJECT_PREFIX} ...".`);
      try {
        return template(data);
      } catch (error) {
        throw new TemplateError(`Mẫu thư ${name} (${part}): ${(error as Error).message}`);
      }
    };
  }

  /** The subject, text and HTML renderers of one template (a kind, or `_layout`). */
  load(name: string): CompiledTemplate {
    const compiled = this.compile(name);
    return {
      subject: this.guarded(name, 'tiêu đề', compiled.subject),
      text: this.guarded(name, 'txt', compiled.text),
      html: this.guarded(name, 'html', compiled.html),
    };
  }

  /** A text-only template (the formal letter's wording). */
  loadText(file: string): Render {
    const { source } = this.read(file);
    const template = Handlebars.create().compile(source.replace(/\r\n/g, '\n'), { strict: true, noEscape: true });
    return (data) => {
      try {
        return template(data);
      } catch (error) {
        throw new TemplateError(`Mẫu ${file}: ${(error as Error).message}`);
      }
    };
  }
}

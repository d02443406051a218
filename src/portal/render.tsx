/**
 * Turns a page (a Preact element) into the HTML the browser gets. Pages are rendered on the
 * server only: no client framework, so every page works without script and reads fast on a phone.
 * Preact escapes every text and attribute it renders, so data never becomes markup.
 */
import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function sendPage(res: Response, page: VNode, status = 200): void {
  res
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(`<!doctype html>\n${renderToString(page)}`);
}

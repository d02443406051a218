/**
 * The Vietnamese page a refused portal request gets (a form without its CSRF token, a file too
 * large, too many sign-in requests...): what happened, in plain words, and what to do next.
 */
import type { Response } from 'express';
import { sendPage } from '../render';
import { Layout } from '../views/Layout';

export interface Refusal {
  status: number;
  title: string;
  message: string;
  /** The way forward, e.g. back to the form. */
  action?: { href: string; label: string };
}

export function sendRefusal(res: Response, refusal: Refusal): void {
  sendPage(
    res,
    <Layout title={refusal.title} person={res.locals.person} csrfToken={res.locals.csrfToken}>
      <h1>{refusal.title}</h1>
      <p>{refusal.message}</p>
      {refusal.action ? (
        <p>
          <a href={refusal.action.href} class="button">
            {refusal.action.label}
          </a>
        </p>
      ) : null}
    </Layout>,
    refusal.status,
  );
}

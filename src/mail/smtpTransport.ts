import nodemailer, { type Transporter } from 'nodemailer';

export type SmtpTransport = Transporter;

/** A nodemailer transport from an `smtp://` or `smtps://` URL (credentials may be in the URL). */
export function createSmtpTransport(smtpUrl: string): SmtpTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Fail fast: the outbox retries, so a hung relay must not hold an activity for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

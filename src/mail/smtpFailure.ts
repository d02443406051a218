/**
 * What an SMTP failure means for the outbox. Only the server's refusal of the recipients or of the
 * message with a 5xx code is permanent ("mailbox unavailable", "message rejected"): retrying would
 * be refused again, so the email is marked failed and the secretariat told. Everything else
 * (server down, timeouts, 4xx "try later", even a 5xx to our login or our sender address, which is
 * our configuration, not the recipient) is transient: retried with backoff until it goes through, nothing lost.
 */
export type SmtpFailure =
  | { permanent: true; reason: string; rejected: { address: string; response: string }[] }
  | { permanent: false; reason: string; connection: boolean };

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  rejectedErrors?: { recipient?: string; response?: string; responseCode?: number }[];
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETLS', 'EPROXY']);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as NodemailerError;
  const reason = (e.response ?? e.message ?? String(error)).trim();
  const code = e.responseCode ?? 0;
  const permanentCode = code >= 500 && code < 600;
  // EENVELOPE with rejected recipients: RCPT TO refused. Without them it was MAIL FROM (our sender,
  // a configuration matter): transient. EMESSAGE: the content refused after DATA.
  const recipientsRefused = e.code === 'EENVELOPE' && (e.rejectedErrors?.length ?? 0) > 0;
  if (permanentCode && (recipientsRefused || e.code === 'EMESSAGE')) {
    const rejected = (e.rejectedErrors ?? []).map((r) => ({ address: r.recipient ?? '', response: (r.response ?? reason).trim() }));
    return { permanent: true, reason, rejected };
  }
  return { permanent: false, reason, connection: e.code !== undefined && CONNECTION_CODES.has(e.code) };
}

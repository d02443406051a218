/** Reads what reached Mailpit through its REST API (/api/v1), to assert on real delivered email. */
export interface MailpitAddress {
  Name: string;
  Address: string;
}

export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  From: MailpitAddress;
  To: MailpitAddress[];
  Cc: MailpitAddress[] | null;
}

export interface MailpitMessage extends MailpitSummary {
  Text: string;
  HTML: string;
  Attachments: { FileName: string; ContentType: string; Size: number }[];
}

export class MailpitApi {
  constructor(private readonly baseUrl: string) {}

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`);
    if (!response.ok) throw new Error(`Mailpit ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  async messages(): Promise<MailpitSummary[]> {
    return (await this.get<{ messages: MailpitSummary[] }>('/messages?limit=1000')).messages;
  }

  message(id: string): Promise<MailpitMessage> {
    return this.get<MailpitMessage>(`/message/${id}`);
  }

  /** Polls until at least `count` messages arrived (delivery is asynchronous), or fails after `timeoutMs`. */
  async waitForMessages(count: number, timeoutMs = 20_000): Promise<MailpitSummary[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const messages = await this.messages();
      if (messages.length >= count || Date.now() > deadline) return messages;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

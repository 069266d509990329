// A real SMTP server (smtp-server) for tests: every message it accepts is parsed (mailparser) into
// an inbox array the test reads. Stop it and start it again on the same port to simulate an outage;
// refuse chosen recipients to simulate a bounce.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string;
}

/**
 * `answer` may refuse a recipient at RCPT TO with an SMTP code (550: a bounce, 451: try later);
 * null accepts it.
 */
export function startSmtp(
  port: number,
  inbox: Received[],
  answer: (to: string) => number | null = () => null,
): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = answer(address.address);
      if (code === null) return callback();
      callback(Object.assign(new Error(`${code} refused by the test server`), { responseCode: code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            to: Array.isArray(mail.to) ? (mail.to[0]?.text ?? '') : (mail.to?.text ?? ''),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            language: String(mail.headers.get('content-language') ?? ''),
          });
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export const smtpPort = (server: SMTPServer) => (server.server.address() as AddressInfo).port;

export const stopSmtp = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

import { describe, expect, it } from 'vitest';
import { isPermanentRefusal } from './smtp-mailer';

const smtpError = (code: string, responseCode?: number) =>
  Object.assign(new Error('refused'), { code, responseCode });

describe('isPermanentRefusal', () => {
  it('treats a 5xx answer to the recipient or the message as final (a bounce)', () => {
    expect(isPermanentRefusal(smtpError('EENVELOPE', 550))).toBe(true);
    expect(isPermanentRefusal(smtpError('EMESSAGE', 554))).toBe(true);
  });

  it('retries temporary answers, connection trouble and sign-in failures', () => {
    expect(isPermanentRefusal(smtpError('EENVELOPE', 450))).toBe(false);
    expect(isPermanentRefusal(smtpError('EMESSAGE', 421))).toBe(false);
    expect(isPermanentRefusal(smtpError('ECONNECTION'))).toBe(false);
    expect(isPermanentRefusal(smtpError('ETIMEDOUT'))).toBe(false);
    // A wrong SMTP password is the operator's to fix; the email must still go once it is fixed.
    expect(isPermanentRefusal(smtpError('EAUTH', 535))).toBe(false);
    expect(isPermanentRefusal(new Error('socket hang up'))).toBe(false);
    expect(isPermanentRefusal('550')).toBe(false);
  });
});

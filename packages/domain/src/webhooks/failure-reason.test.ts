import { describe, expect, it } from 'vitest';
import { webhookFailureReason } from './failure-reason';

describe('webhookFailureReason', () => {
  it('is null for a delivery without an error', () => {
    expect(webhookFailureReason(200, null)).toBeNull();
    expect(webhookFailureReason(null, null)).toBeNull();
  });

  it('names an error answer and a redirect from the status code', () => {
    expect(webhookFailureReason(500, 'answered 500')).toBe('http_status');
    expect(webhookFailureReason(404, 'answered 404')).toBe('http_status');
    expect(webhookFailureReason(302, 'answered 302')).toBe('redirect');
  });

  it('reads the safe HTTP client’s own failures', () => {
    expect(
      webhookFailureReason(
        null,
        'The address 10.0.0.1 is on a private or reserved network, which Cadence does not call',
      ),
    ).toBe('private_address');
    expect(webhookFailureReason(null, 'No complete answer from hooks.example (timed out)')).toBe('timeout');
    expect(webhookFailureReason(null, 'Could not reach hooks.example (UND_ERR_CONNECT_TIMEOUT)')).toBe(
      'timeout',
    );
    expect(webhookFailureReason(null, 'Could not reach hooks.example (ECONNREFUSED)')).toBe('unreachable');
    expect(webhookFailureReason(null, 'The response from hooks.example was larger than 65536 bytes')).toBe(
      'too_large',
    );
    expect(webhookFailureReason(null, 'Too many redirects from hooks.example')).toBe('redirect');
    expect(webhookFailureReason(null, 'No complete answer from hooks.example (ECONNRESET)')).toBe(
      'no_answer',
    );
  });
});

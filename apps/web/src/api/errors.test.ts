// The error details the web app reads are typed from the API's document: if the API stopped
// documenting one of these fields, this file (and the screens reading them) would not compile.
import { describe, expect, it } from 'vitest';
import { ApiError, type ErrorFacts, unwrap } from './errors';

describe('ApiError', () => {
  it('keys field problems by their path without "body."', () => {
    const e = new ApiError(400, 'validation_failed', 'bad', [
      { field: 'body.requestedSchedule.timezone', message: 'must be an IANA time zone' },
      { field: 'body.targets.1.channelId', message: 'Invalid UUID' },
    ]);
    expect(e.fieldErrors).toEqual({
      'requestedSchedule.timezone': 'must be an IANA time zone',
      'targets.1.channelId': 'Invalid UUID',
    });
    expect(e.facts).toEqual({});
  });

  it('reads the facts of a refusal with their documented types', () => {
    const facts: ErrorFacts = {
      currentVersion: 4,
      reason: 'nonexistent_local_time',
      gap: { from: '02:00', to: '03:00' },
      at: '2031-03-30T00:30:00.000Z',
      violations: [
        {
          rule: 'maxLength',
          severity: 'block',
          messageCode: 'charter.charterLength',
          params: { network: 'x', count: 300, max: 280 },
          field: 'text',
        },
      ],
    };
    const e = new ApiError(409, 'conflict', 'stale', facts);
    expect(e.facts.currentVersion).toBe(4);
    expect(e.facts.gap?.to).toBe('03:00');
    expect(e.facts.violations?.[0]?.params).toEqual({ network: 'x', count: 300, max: 280 });
    expect(e.fieldErrors).toEqual({});
  });

  it('unwraps an error body into an ApiError', () => {
    const response = new Response(null, { status: 428 });
    const body = { error: { code: 'precondition_required', message: 'Send the version', requestId: 'r' } };
    expect(() => unwrap({ error: body, response })).toThrow(ApiError);
  });

  it('keeps the catalogue code and parameters of the message, for screens to word it', () => {
    const response = new Response(null, { status: 404 });
    const body = {
      error: {
        code: 'not_found',
        message: 'Post not found',
        messageCode: 'errors.notFound.post',
        params: {},
      },
    };
    let thrown: unknown;
    try {
      unwrap({ error: body, response });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as ApiError).said).toEqual({ messageCode: 'errors.notFound.post', params: {} });
  });
});

import { reasonOf } from '@cadence/messages';
import type { z } from 'zod';
import { fieldProblem, fieldsError } from '../errors';

/**
 * Validates input that may not have come through a route (bulk create, CSV rows), reporting
 * problems the way the API does: one entry per field, named from `prefix`, with a reason code.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? issue.keys : [];
    const field = [prefix, ...issue.path.map(String), ...keys].join('.');
    const { reason, params } = reasonOf({
      code: issue.code,
      message: issue.message,
      params: issue as unknown as Record<string, unknown>,
    });
    return fieldProblem(field, reason, params);
  });
  throw fieldsError(problems);
}

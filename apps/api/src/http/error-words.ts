// The words of an error answer in the reader's language (see request-language.ts). Codes and
// field paths never change with the language: programs read `code`, `messageCode`, `params`,
// `details[].field` and `details[].reason`; people read `message`.
import type { Violation } from '@cadence/domain/charter/schemas';
import type { AppError } from '@cadence/domain/errors';
import {
  fieldSentence,
  type IssueFacts,
  type MessageCode,
  type MessageParams,
  type MessageRef,
  reasonOf,
  sentenceOf,
  translate,
} from '@cadence/messages';
import { ERROR_CODES, type ErrorCode, type Locale } from '@cadence/names';

export interface FieldProblem {
  field: string;
  message: string;
  /** A code for the problem (validation.<reason> in the catalogue), for clients that word it themselves. */
  reason?: string;
}

/** What the answer says and the code it says it by. */
export interface Words {
  message: string;
  say?: MessageRef;
}

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

export function saying(locale: Locale, messageCode: MessageCode, params: MessageParams = {}): Words {
  return { message: translate(locale, messageCode, params), say: { messageCode, params } };
}

/** The catalogue's sentence for an error code, when nothing more precise is known. */
export function codeWords(locale: Locale, code: string): Words {
  return isErrorCode(code) ? saying(locale, `errors.code.${code}`) : { message: code };
}

/** One zod issue as a field problem worded in `locale`, keeping its path and reason code. */
export function issueProblem(locale: Locale, field: string, issue: IssueFacts): FieldProblem {
  const problem = reasonOf(issue);
  return { field, message: fieldSentence(locale, field, problem), reason: problem.reason };
}

const isFieldProblems = (details: unknown): details is FieldProblem[] =>
  Array.isArray(details) &&
  details.every((d) => typeof d === 'object' && d !== null && typeof (d as FieldProblem).field === 'string');

/** A field problem the domain worded in English (no code yet): other readers get "not valid". */
function domainProblem(locale: Locale, problem: FieldProblem): FieldProblem {
  if (locale === 'en') return problem;
  return { ...problem, message: fieldSentence(locale, problem.field, { reason: 'invalid', params: {} }) };
}

function violationsIn(locale: Locale, details: unknown): unknown {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return details;
  const violations = (details as { violations?: unknown }).violations;
  if (!Array.isArray(violations)) return details;
  return { ...details, violations: withViolationMessages(locale, violations as Violation[]) };
}

/** A charter verdict's sentence beside its code and parameters. */
export function withViolationMessages(locale: Locale, violations: readonly Violation[]): Violation[] {
  return violations.map((v) => ({ ...v, message: sentenceOf(locale, v) }));
}

/**
 * A domain error in `locale`: its catalogue sentence when it names one; in English its own
 * message; otherwise the sentence of its field problems, else of its code.
 */
export function appErrorWords(locale: Locale, err: AppError): Words & { details: unknown } {
  if (err.say) {
    return {
      message: sentenceOf(locale, err.say),
      say: err.say,
      details: violationsIn(locale, err.details),
    };
  }
  if (isFieldProblems(err.details)) {
    const problems = err.details.map((p) => domainProblem(locale, p));
    const message = locale === 'en' ? err.message : problems.map((p) => p.message).join(' ');
    return { message, details: problems };
  }
  const details = violationsIn(locale, err.details);
  if (locale === 'en') return { message: err.message, details };
  return { ...codeWords(locale, err.code), details };
}

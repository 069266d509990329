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
  VALIDATION_REASONS,
  type ValidationReason,
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

interface DomainFieldProblem extends FieldProblem {
  params?: MessageParams;
}

const isFieldProblems = (details: unknown): details is DomainFieldProblem[] =>
  Array.isArray(details) &&
  details.every((d) => typeof d === 'object' && d !== null && typeof (d as FieldProblem).field === 'string');

const isReason = (reason: unknown): reason is ValidationReason =>
  (VALIDATION_REASONS as readonly unknown[]).includes(reason);

/** A field problem of the domain, worded in `locale` from its reason code and parameters. */
function domainProblem(locale: Locale, { params = {}, ...problem }: DomainFieldProblem): FieldProblem {
  if (!isReason(problem.reason)) return problem;
  return { ...problem, message: fieldSentence(locale, problem.field, { reason: problem.reason, params }) };
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

/** A domain error in `locale`: the sentence of its code, and of each field problem it names. */
export function appErrorWords(locale: Locale, err: AppError): Words & { details: unknown } {
  if (isFieldProblems(err.details)) {
    const problems = err.details.map((p) => domainProblem(locale, p));
    return { message: problems.map((p) => p.message).join(' '), say: err.say, details: problems };
  }
  return { message: sentenceOf(locale, err.say), say: err.say, details: violationsIn(locale, err.details) };
}

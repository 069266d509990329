// The language an answer's words are in: Accept-Language (q-values honoured, fr-FR counts as fr)
// when it names a language Cadence speaks, else the workspace's language when the route has one,
// else English. Negotiation is negotiator's (the engine of Express's `accepts`), not hand-parsed.
import { LOCALES, type Locale } from '@cadence/names';
import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

export function negotiateLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  // No header, or only "*": the caller states no preference, so the workspace's language stands.
  if (!acceptLanguage || acceptLanguage.trim() === '*') return fallback;
  const ordered = [fallback, ...LOCALES.filter((l) => l !== fallback)];
  const [best] = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages(ordered);
  return isLocale(best) ? best : fallback;
}

export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  return negotiateLocale(typeof header === 'string' ? header : undefined, request.workspaceLocale ?? 'en');
}

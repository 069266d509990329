// Formatters the catalogues use beyond i18next's own (number, list): each turns a parameter that
// travels as plain JSON (a network id, an ISO day, a weekday number) into words of the reader's
// language through Intl, so the API and the web app print them alike. Registered on any i18next
// instance that loads the catalogues.
import { NETWORK_LABELS, type Network } from '@cadence/names';

type FormatterOptions = { type?: Intl.ListFormatType };

/**
 * The part of an i18next instance this needs, written out so that the web app's copy of i18next
 * (resolved against another TypeScript) fits as well as the API's.
 */
interface WithFormatters {
  services: {
    formatter?: {
      add(
        name: string,
        fn: (value: unknown, lng: string | undefined, options: FormatterOptions) => string,
      ): void;
    };
  };
}

// British English for dates ("24 December 2025"): the catalogues' English is British.
const intlLocale = (lng: string | undefined) => (lng === 'fr' ? 'fr' : 'en-GB');

const isNetwork = (value: unknown): value is Network =>
  typeof value === 'string' && Object.hasOwn(NETWORK_LABELS, value);

/** ISO weekday (Monday = 1) to its name; 2024-01-01 was a Monday. */
function weekdayName(value: unknown, lng: string | undefined): string {
  const day = Number(value);
  if (!Number.isInteger(day) || day < 1 || day > 7) return String(value);
  const date = new Date(Date.UTC(2024, 0, day));
  return new Intl.DateTimeFormat(intlLocale(lng), { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** An ISO calendar day (2025-12-24) in words, read as a day, not an instant (no time zone shift). */
function dayInWords(value: unknown, lng: string | undefined): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return String(value);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(lng), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Decimal megabytes, as networks state their limits ("1 MB" for Bluesky's 1,000,000 bytes). */
const megabytes = (value: unknown, lng: string | undefined) =>
  new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: 2 }).format(Number(value) / 1_000_000);

/** A width:height ratio: 0.8 is written 4:5, the way networks document it; others as n:1. */
function ratio(value: unknown): string {
  const r = Number(value);
  return Math.abs(r - 0.8) < 1e-9 ? '4:5' : `${Math.round(r * 100) / 100}:1`;
}

function hashtags(value: unknown, lng: string | undefined, options: FormatterOptions): string {
  const tags = Array.isArray(value) ? value.map((t) => `#${String(t).replace(/^#/, '')}`) : [];
  return new Intl.ListFormat(intlLocale(lng), { type: options.type ?? 'conjunction' }).format(tags);
}

export function registerFormatters(instance: WithFormatters) {
  const formatter = instance.services.formatter;
  if (!formatter) throw new Error('i18next must be initialised before its formatters are added');
  formatter.add('network', (value: unknown) => (isNetwork(value) ? NETWORK_LABELS[value] : String(value)));
  formatter.add('weekday', (value: unknown, lng?: string) => weekdayName(value, lng));
  formatter.add('day', (value: unknown, lng?: string) => dayInWords(value, lng));
  formatter.add('megabytes', (value: unknown, lng?: string) => megabytes(value, lng));
  formatter.add('ratio', (value: unknown) => ratio(value));
  formatter.add('hashtags', (value: unknown, lng?: string, options?: FormatterOptions) =>
    hashtags(value, lng, options ?? {}),
  );
}

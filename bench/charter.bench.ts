// Throughput of the charter checker on a busy workspace's charter and long, mixed-language posts.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { type CheckPostInput, charterRulesSchema, checkPost } from '../packages/domain/src/charter/index';
import { NETWORKS } from '../packages/domain/src/networks/schemas';
import type { BenchSection } from './run';

const ROUNDS = 7;
const CHECKS_PER_ROUND = 1_000;
const WARM_UP_CHECKS = 500;
const POST_LENGTH = 1_000;

// A fixed-seed generator, so every run checks the same posts.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const WORDS = [
  'nous',
  'lançons',
  'notre',
  'nouvelle',
  'collection',
  'été',
  'découvrez',
  'la',
  'boutique',
  'équipe',
  'we',
  'are',
  'launching',
  'our',
  'new',
  'summer',
  'range',
  'today',
  'with',
  'the',
  'team',
  'café',
  'crème',
  'français',
  'quality',
  'design',
  'fabriqué',
  'en',
  'France',
  'merci',
  'à',
  'tous',
  'and',
  'thanks',
];
const EXTRAS = ['😀', '🌞', '👨‍👩‍👧‍👦', '🇫🇷', '#été2025', '#NouvelleCollection', '@cadence', '!', '?', ','];

function makePost(next: () => number): string {
  const url = 'https://boutique.example.com/ete?utm_source=social&utm_campaign=ete2025';
  let text = `Bonjour ! ${url} `;
  while (text.length < POST_LENGTH) {
    const pool = next() < 0.1 ? EXTRAS : WORDS;
    text += `${pool[Math.floor(next() * pool.length)]} `;
  }
  return text.slice(0, POST_LENGTH);
}

function makeCharter(next: () => number) {
  // 200 distinct phrases of one to three words, as a real list of brand-unsafe words would be.
  const phrases = Array.from({ length: 200 }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(next() * 3) }, () => `mot${Math.floor(next() * 1000)}`);
    return `${words.join(' ')} ${i}`;
  });
  return charterRulesSchema.parse({
    rules: {
      bannedPhrases: { phrases, severity: 'block' },
      requiredHashtags: { allOf: ['#été2025'], oneOf: ['#NouvelleCollection', '#Summer'], severity: 'warn' },
      forbiddenHashtags: { tags: ['nsfw', 'promo'], severity: 'block' },
      maxHashtags: { max: 5, severity: 'warn' },
      maxMentions: { max: 3, severity: 'warn' },
      maxEmoji: { max: 10, severity: 'warn' },
      link: {
        mode: 'required',
        allowedDomains: ['example.com'],
        requiredUtm: ['utm_source', 'utm_campaign'],
        severity: 'block',
      },
      postingWindows: {
        byWeekday: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
        severity: 'warn',
      },
      blackoutDates: { dates: [{ from: '2025-12-24', to: '2025-12-26', reason: 'Noël' }], severity: 'block' },
      maxPostsPerDay: { max: 4, severity: 'warn' },
      maxPostsPerWeek: { max: 15, severity: 'warn' },
      minSpacingMinutes: { minutes: 60, severity: 'warn' },
    },
    overrides: {
      linkedin: { maxHashtags: { max: 3, severity: 'warn' } },
      x: { maxEmoji: { max: 2, severity: 'warn' } },
    },
  });
}

function makeInputs(): CheckPostInput[] {
  const next = random(42);
  const charter = makeCharter(next);
  const channels = ['linkedin', 'mastodon', 'x'] as const;
  const otherPosts = channels.flatMap((network) =>
    Array.from({ length: 20 }, (_, i) => ({
      channelId: `ch-${network}`,
      scheduledAt: new Date(Date.UTC(2025, 5, 2 + Math.floor(i / 3), 7 + (i % 3) * 3)).toISOString(),
    })),
  );
  return Array.from({ length: 50 }, (_, i) => ({
    text: makePost(next),
    targets: channels.map((network) => ({ channelId: `ch-${network}`, network })),
    scheduledAt: new Date(Date.UTC(2025, 5, 2 + (i % 7), 8 + (i % 9))).toISOString(),
    timezone: 'Europe/Paris',
    charter,
    otherPosts,
  }));
}

// Issue 10, finding 1: 500 phrases of about 180 characters sharing the text's words, a
// 100,000-character text, all nine networks. The nested indexOf search took 97 s on this.
// With `wordForms`, every phrase is marked "fin7*" (decision 0200) and the text ends on a word form.
function adversarialInput(wordForms = false): CheckPostInput {
  const mark = wordForms ? '*' : '';
  const phrases = Array.from({ length: 500 }, (_, i) => `${'offre '.repeat(30)}fin${i}${mark}`);
  const charter = charterRulesSchema.parse({ rules: { bannedPhrases: { phrases, severity: 'block' } } });
  return {
    text: `${'offre '.repeat(16_600)}${'offre '.repeat(30)}fin7${wordForms ? 'ale' : ''}`,
    targets: NETWORKS.map((network) => ({ channelId: `ch-${network}`, network })),
    timezone: 'Europe/Paris',
    charter,
    otherPosts: [],
  };
}

/** CPU milliseconds of each of 9 checks (the wall clock, on a shared machine, counts others too). */
function adversarialRuns(wordForms = false): number[] {
  const input = adversarialInput(wordForms);
  const ms: number[] = [];
  for (let i = 0; i < 9; i++) {
    const cpu = process.cpuUsage();
    checkPost(input);
    const used = process.cpuUsage(cpu);
    ms.push((used.user + used.system) / 1000);
  }
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default async function (): Promise<BenchSection[]> {
  const inputs = makeInputs();
  let violations = 0;
  for (let i = 0; i < WARM_UP_CHECKS; i++) violations += checkPost(inputs[i % inputs.length]!).length;
  const perSecond: number[] = [];
  const microseconds: number[] = [];
  // CPU time too: on a shared machine the wall clock also counts the time other work had the core.
  const perCpuSecond: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < CHECKS_PER_ROUND; i++) violations += checkPost(inputs[i % inputs.length]!).length;
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    perSecond.push((CHECKS_PER_ROUND / ms) * 1000);
    microseconds.push((ms * 1000) / CHECKS_PER_ROUND);
    perCpuSecond.push(CHECKS_PER_ROUND / ((used.user + used.system) / 1e6));
  }
  const sample = checkPost(inputs[0]!);
  // CHARTER_HOSTILE=0 skips it (to bench an older checker, which takes minutes per check there).
  const adversarial = process.env.CHARTER_HOSTILE === '0' ? [] : adversarialRuns();
  const adversarialForms = process.env.CHARTER_HOSTILE === '0' ? [] : adversarialRuns(true);
  const sections: BenchSection[] = [
    {
      title: 'Charter checker throughput',
      lines: [
        `Workload: ${inputs.length} distinct ${POST_LENGTH}-character posts (French/English, emoji, hashtags, mention, one URL) each targeted at LinkedIn, Mastodon and X; charter with 200 banned phrases, hashtag, emoji, mention and link rules, posting windows, blackout dates, daily/weekly caps and spacing against 20 other posts per channel. ${ROUNDS} rounds of ${CHECKS_PER_ROUND.toLocaleString('en')} checks after ${WARM_UP_CHECKS} warm-up checks.`,
        '',
        '| figure | median | min | max |',
        '| --- | --- | --- | --- |',
        `| checks/s | ${Math.round(median(perSecond)).toLocaleString('en')} | ${Math.round(Math.min(...perSecond)).toLocaleString('en')} | ${Math.round(Math.max(...perSecond)).toLocaleString('en')} |`,
        `| µs per check | ${median(microseconds).toFixed(0)} | ${Math.min(...microseconds).toFixed(0)} | ${Math.max(...microseconds).toFixed(0)} |`,
        `| checks per CPU-second | ${Math.round(median(perCpuSecond)).toLocaleString('en')} | ${Math.round(Math.min(...perCpuSecond)).toLocaleString('en')} | ${Math.round(Math.max(...perCpuSecond)).toLocaleString('en')} |`,
        '',
        `Violations in one sample check: ${sample.length} (${[...new Set(sample.map((v) => v.rule))].join(', ')}); ${violations.toLocaleString('en')} in all.`,
      ],
    },
  ];
  if (adversarial.length === 0) return sections;
  sections.push({
    title: 'Charter checker: hostile phrase list',
    lines: [
      "Issue 10, finding 1: 500 banned phrases of about 185 characters, each sharing the text's words up to its last one; a 100,000-character text; all nine networks. 9 checks, the first one builds the phrase automaton.",
      '',
      '| figure | median | min | max |',
      '| --- | --- | --- | --- |',
      `| CPU ms per check | ${median(adversarial).toFixed(1)} | ${Math.min(...adversarial).toFixed(1)} | ${Math.max(...adversarial).toFixed(1)} |`,
      `| CPU ms per check, every phrase marked for word forms ("fin7*", the text ending "fin7ale") | ${median(adversarialForms).toFixed(1)} | ${Math.min(...adversarialForms).toFixed(1)} | ${Math.max(...adversarialForms).toFixed(1)} |`,
      '',
      `Machine load average at the start: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores.`,
    ],
  });
  return sections;
}

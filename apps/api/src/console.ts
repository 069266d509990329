// What a person sees in the terminal. Production writes JSON lines for a log collector; a
// developer's terminal gets pretty lines and a short summary that stays on screen (request lines
// are at debug outside production, see http/request-timing.ts).
import type { Config } from '@cadence/config';
import type { Database } from '@cadence/db';
import { PinoPretty } from 'pino-pretty';

/** pino-pretty in this thread (no transport worker) when a person reads the output, else JSON. */
export function consoleLogStream(config: Config, stdout: NodeJS.WriteStream = process.stdout) {
  if (config.env !== 'development' || !stdout.isTTY) return undefined;
  return PinoPretty({
    destination: stdout,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    singleLine: true,
  });
}

export function startSummary(input: {
  url: string;
  config: Config;
  database: Database;
  publisherInProcess: boolean;
}): string[] {
  const { url, config, database } = input;
  const db =
    database.driver === 'pglite'
      ? `embedded PGlite in ${config.dataDir} (survives a crash of Cadence, not of the machine: see README, Durability)`
      : 'PostgreSQL (DATABASE_URL)';
  return [
    '',
    `  Cadence is running at ${url}`,
    '',
    `  database   ${db}`,
    `  publisher  ${input.publisherInProcess ? 'in this process' : 'separate processes (PUBLISHER_IN_PROCESS=false)'}`,
    `  logs       ${config.logLevel}${config.logLevel === 'info' && config.env !== 'production' ? ' (LOG_LEVEL=debug shows each request)' : ''}`,
    '  stop       Ctrl+C',
    '',
  ];
}

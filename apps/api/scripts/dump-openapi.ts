// Writes the API's OpenAPI document for the web app's typed client (apps/web/src/api/openapi.json).
// It builds the real app, so every route that is mounted appears, with no server or data dir:
// an in-memory PGlite stands in for the database, which no route touches while the document is built.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@cadence/config';
import { openPglite } from '@cadence/db';
import { buildApp } from '../src/app';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? path.resolve(here, '../../web/src/api/openapi.json');

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const database = await openPglite();
const keyRing = { keys: [{ id: 'dump', key: randomBytes(32) }] };
const app = await buildApp({ config, database, keyRing, clock: () => new Date() }, { logger: false });
try {
  await app.ready();
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), target)}`);
} finally {
  await app.close();
  await database.close();
}

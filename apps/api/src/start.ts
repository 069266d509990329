// Starts Cadence: configuration, database (migrated), HTTP server, and optionally the publisher loop.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '@cadence/config';
import { DataDirLockedError, openDatabase } from '@cadence/db';
import { loadKeyRing } from '@cadence/domain/security/key-ring';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { consoleLogStream, startSummary } from './console';
import { startInProcessPublisher } from './in-process-publisher';
import { registerWebApp } from './plugins/web';
import { startStallWatch } from './stall-watch';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function start({ serveWeb }: { serveWeb: boolean }) {
  let config: ReturnType<typeof loadConfig>;
  try {
    // The one place that reads the environment.
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const database = await openDatabase(config).catch((e: unknown) => {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  });
  await database.migrate();
  const ctx = {
    config,
    database,
    keyRing: loadKeyRing(config, { createIfMissing: true }),
    clock: () => new Date(),
  };
  const stream = consoleLogStream(config);
  const app = await buildApp(ctx, {
    ...(stream ? { logger: { stream } } : {}),
    beforeRoutes: serveWeb ? (a) => registerWebApp(a, config.webDistDir ?? defaultWebDist) : undefined,
  });

  // `pnpm start` publishes too, in this process, on the same database.
  const publisher = serveWeb && config.publisher.inProcess ? startInProcessPublisher(ctx, app.log) : null;
  const stallWatch = startStallWatch({
    db: database.db,
    config,
    clock: ctx.clock,
    onError: (err) => app.log.warn({ err }, 'publisher watch failed'),
  });

  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    stallWatch.stop();
    await publisher?.stop();
    await app.close();
    await database.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${shownHost}:${port}`;
  if (config.env === 'production') {
    app.log.info({ url, database: database.driver }, `Cadence is running at ${url}`);
  } else {
    console.log(startSummary({ url, config, database, publisherInProcess: publisher !== null }).join('\n'));
  }
  return { app, config, database };
}

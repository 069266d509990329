// `pnpm keys:reseal`: re-encrypts every stored secret with the first key of ENCRYPTION_KEYS (and
// binds values sealed before version 2 to their row), then says whether the other keys can be
// removed. Run it after putting a new key first; on the embedded database, stop Cadence first
// (the data directory admits one process), on PostgreSQL it can run beside the servers.
import { ConfigError, loadConfig } from '@cadence/config';
import { DataDirLockedError, openDatabase } from '@cadence/db';
import { loadKeyRing } from '@cadence/domain/security/key-ring';
import { resealSecrets } from '@cadence/domain/security/reseal-secrets';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const ring = loadKeyRing(config, { createIfMissing: false });
  const first = ring.keys[0];
  if (!first) {
    console.error(
      'No encryption key is configured (ENCRYPTION_KEYS, or the key file in DATA_DIR): nothing to reseal with.',
    );
    return 1;
  }
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const reports = await resealSecrets(database.db, ring);
    let unopenable = 0;
    for (const r of reports) {
      console.log(
        `${r.column}: ${r.resealed} resealed, ${r.current} already current, ${r.changedMeanwhile} changed meanwhile, ${r.unopenable.length} unopenable`,
      );
      for (const u of r.unopenable) console.log(`  row ${u.id} (key "${u.keyId}"): ${u.reason}`);
      unopenable += r.unopenable.length;
    }
    const others = ring.keys.slice(1).map((k) => k.id);
    if (unopenable > 0) {
      console.error(
        `\n${unopenable} value(s) could not be opened with the configured keys: keep every key they name until they are replaced (reconnect those channels).`,
      );
      return 2;
    }
    console.log(
      others.length > 0
        ? `\nEvery stored secret is sealed with key "${first.id}". Keys no longer needed: ${others.join(', ')}; remove them from ENCRYPTION_KEYS.`
        : `\nEvery stored secret is sealed with key "${first.id}".`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}

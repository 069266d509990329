// The environment is read here once, validated, and passed down as a typed Config.
// Nothing else in Cadence reads process.env.
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const encryptionKeys = z.string().transform((raw, ctx) => {
  // "id:base64key,id2:base64key": the first key encrypts, every key decrypts (rotation).
  const keys: { id: string; key: Buffer }[] = [];
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (!id || !/^[a-z0-9]{1,16}$/i.test(id) || key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'each key must be "id:<32 bytes in base64>"' });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'at least one key is needed' });
    return z.NEVER;
  }
  return keys;
});

// "linkedin=http://127.0.0.1:4010,x=..." sends every call for a network to one origin: for local
// stand-ins of the networks (tests, development), never needed in production.
// TRUST_PROXY: which reverse proxies may say who the client is (X-Forwarded-For). `true` trusts
// exactly one hop, the proxy in front of Cadence; a number trusts that many hops; a list of
// addresses or CIDRs trusts only proxies connecting from them. Trusting every hop would let a
// client pick its own address by sending a left-most X-Forwarded-For, defeating address limits.
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim().toLowerCase();
  if (['false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 20) return hops;
  } else {
    const entries = value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (entries.length > 0 && entries.every(isAddressOrCidr)) return entries;
  }
  ctx.addIssue({
    code: 'custom',
    message:
      'must be false, true (one proxy), a hop count up to 20, or proxy addresses/CIDRs separated by commas',
  });
  return z.NEVER;
});

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (version === 4 ? 32 : 128);
}

const networkBaseUrls = z.string().transform((raw, ctx) => {
  const out: Record<string, string> = {};
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, url] = part.split('=');
    if (!name || !url || !/^[a-z]+$/.test(name) || !URL.canParse(url)) {
      ctx.addIssue({ code: 'custom', message: 'each entry must be "network=http(s)://origin"' });
      return z.NEVER;
    }
    out[name] = url.replace(/\/+$/, '');
  }
  return out;
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://cadence.example.com' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  ENCRYPTION_KEYS: encryptionKeys.optional(),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: trustProxy.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).optional(),
  PUBLISHER_IN_PROCESS: bool.default(true),
  PUBLISHER_TICK_SECONDS: z.coerce.number().int().min(1).max(60).default(1),
  PUBLISHER_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  PUBLISHER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  ALLOW_PRIVATE_NETWORK_URLS: bool.default(false),
  WEB_DIST_DIR: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // OAuth apps registered with each network (Mastodon registers itself per instance instead).
  LINKEDIN_CLIENT_ID: z.string().optional(),
  LINKEDIN_CLIENT_SECRET: z.string().optional(),
  X_CLIENT_ID: z.string().optional(),
  X_CLIENT_SECRET: z.string().optional(),
  FACEBOOK_APP_ID: z.string().optional(),
  FACEBOOK_APP_SECRET: z.string().optional(),
  INSTAGRAM_APP_ID: z.string().optional(),
  INSTAGRAM_APP_SECRET: z.string().optional(),
  THREADS_APP_ID: z.string().optional(),
  THREADS_APP_SECRET: z.string().optional(),
  NETWORK_BASE_URLS: networkBaseUrls.default({}),
  // Media library storage (decision 0120): the local disk under DATA_DIR, or an S3-compatible store.
  MEDIA_STORAGE: z.enum(['local', 's3'], { message: 'must be local or s3' }).default('local'),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 * 1024 * 1024)
    .default(200 * 1024 * 1024),
  MEDIA_WORKSPACE_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024 * 1024),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url({ message: 'must be an absolute URL such as https://s3.fr-par.scw.cloud' }).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  // Email (issue 15): unset, emails wait in the outbox that owners can read in the app.
  SMTP_URL: z
    .url({ message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587' })
    .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]*<?[^@\s<>]+@[^@\s<>]+>?$/, 'must be an address such as "Cadence <cadence@example.com>"')
    .default('Cadence <cadence@localhost>'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  encryptionKeys: { id: string; key: Buffer }[] | undefined;
  cookieSecure: boolean;
  /** false, a hop count, or the addresses/CIDRs of trusted proxies (Fastify's trustProxy). */
  trustProxy: false | number | string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  /** Every request from one address, signed in or not, whatever its credentials. */
  apiRateLimitPerAddressPerMinute: number;
  publisher: { inProcess: boolean; tickSeconds: number; graceMinutes: number; maxAttempts: number };
  allowPrivateNetworkUrls: boolean;
  webDistDir: string | undefined;
  /** Bearer token for GET /metrics; unset, the endpoint answers 404. */
  metricsToken: string | undefined;
  media: {
    maxBytes: number;
    workspaceQuotaBytes: number;
    storage: { kind: 'local' } | ({ kind: 's3' } & S3StorageConfig);
  };
  networks: {
    /** OAuth client id and secret per network, for the networks configured on this server. */
    clients: Partial<
      Record<
        'linkedin' | 'x' | 'facebook' | 'instagram' | 'threads',
        { clientId: string; clientSecret: string }
      >
    >;
    baseUrls: Record<string, string>;
  };
  /** SMTP transport URL (a secret: never logged); undefined keeps emails in the outbox. */
  mail: { smtpUrl: string | undefined; from: string };
};

export type S3StorageConfig = {
  bucket: string;
  region: string;
  /** Unset for AWS itself; MinIO, Scaleway, OVH, R2... give theirs. */
  endpoint: string | undefined;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  // Empty strings mean "unset", as docker-compose and shells commonly pass them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  // Without it, feed and OAuth callback URLs would be built from the request's Host header, which
  // a client chooses.
  if (e.NODE_ENV === 'production' && e.PUBLIC_URL === undefined) {
    throw new ConfigError([
      'PUBLIC_URL: required in production: the address people use, e.g. https://cadence.example.com',
    ]);
  }
  if (e.MEDIA_STORAGE === 's3' && e.S3_BUCKET === undefined) {
    throw new ConfigError(['S3_BUCKET: required when MEDIA_STORAGE=s3']);
  }
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    throw new ConfigError(['S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither']);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: e.DATA_DIR,
    encryptionKeys: e.ENCRYPTION_KEYS,
    cookieSecure: e.COOKIE_SECURE ?? e.PUBLIC_URL?.startsWith('https://') ?? false,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    // Several people (an office) may share one address: five callers' worth by default.
    apiRateLimitPerAddressPerMinute:
      e.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE ?? e.API_RATE_LIMIT_PER_MINUTE * 5,
    publisher: {
      inProcess: e.PUBLISHER_IN_PROCESS,
      tickSeconds: e.PUBLISHER_TICK_SECONDS,
      graceMinutes: e.PUBLISHER_GRACE_MINUTES,
      maxAttempts: e.PUBLISHER_MAX_ATTEMPTS,
    },
    allowPrivateNetworkUrls: e.ALLOW_PRIVATE_NETWORK_URLS,
    webDistDir: e.WEB_DIST_DIR,
    metricsToken: e.METRICS_TOKEN,
    media: {
      maxBytes: e.MEDIA_MAX_BYTES,
      workspaceQuotaBytes: e.MEDIA_WORKSPACE_QUOTA_BYTES,
      storage:
        e.MEDIA_STORAGE === 's3' && e.S3_BUCKET !== undefined
          ? {
              kind: 's3',
              bucket: e.S3_BUCKET,
              region: e.S3_REGION,
              endpoint: e.S3_ENDPOINT,
              // Unset: the SDK's own chain (instance role, AWS_* variables, shared files).
              credentials:
                e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
                  : undefined,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
            }
          : { kind: 'local' },
    },
    networks: {
      clients: {
        ...client('linkedin', e.LINKEDIN_CLIENT_ID, e.LINKEDIN_CLIENT_SECRET),
        ...client('x', e.X_CLIENT_ID, e.X_CLIENT_SECRET),
        ...client('facebook', e.FACEBOOK_APP_ID, e.FACEBOOK_APP_SECRET),
        ...client('instagram', e.INSTAGRAM_APP_ID, e.INSTAGRAM_APP_SECRET),
        ...client('threads', e.THREADS_APP_ID, e.THREADS_APP_SECRET),
      },
      baseUrls: e.NETWORK_BASE_URLS,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    ...overrides,
  };
}

function client(network: string, clientId: string | undefined, clientSecret: string | undefined) {
  return clientId && clientSecret ? { [network]: { clientId, clientSecret } } : {};
}

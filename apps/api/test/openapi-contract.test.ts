// Issue 10, finding 22: the OpenAPI document says what a client needs: If-Match on the versioned
// writes and ETag on their answers, typed bulk items, typed error details (currentVersion,
// violations, the DST gap, in_the_past's instant), and 428 for a write that names no version. The
// web app's typed client is generated from this document and must be the one it compiles against.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTIFICATION_KINDS, WEBHOOK_TEST_EVENT } from '@cadence/names';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createPost, type PostsWorld, postsUrl } from './posts-fixtures';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
let t: TestApp;
let w: PostsWorld;
let doc: OpenAPIV3.Document;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  doc = t.app.swagger() as OpenAPIV3.Document;
});
afterAll(() => t.close());

const POST = '/api/v1/workspaces/{workspaceId}/posts/{postId}';
const op = (p: string, method: 'get' | 'post' | 'patch') => {
  const found = doc.paths[p]?.[method];
  if (!found) throw new Error(`${method} ${p} is not documented`);
  return found;
};
const schemaOf = (name: string) => doc.components?.schemas?.[name] as OpenAPIV3.SchemaObject;

describe('versions in headers', () => {
  const versionedWrites: [string, 'post' | 'patch'][] = [
    [POST, 'patch'],
    ...['submit', 'approve', 'request-changes', 'schedule', 'unschedule', 'cancel', 'queue'].map(
      (step) => [`${POST}/${step}`, 'post'] as [string, 'post'],
    ),
  ];

  it.each(versionedWrites)('%s (%s) takes If-Match and answers ETag', (p, method) => {
    const operation = op(p, method);
    const ifMatch = (operation.parameters as OpenAPIV3.ParameterObject[]).find(
      (x) => x.in === 'header' && x.name === 'if-match',
    );
    expect(ifMatch?.description).toMatch(/ETag/);
    const ok = operation.responses['200'] as OpenAPIV3.ResponseObject;
    expect(ok.headers?.etag).toBeDefined();
  });

  it('reading a post documents its ETag', () => {
    expect((op(POST, 'get').responses['200'] as OpenAPIV3.ResponseObject).headers?.etag).toBeDefined();
  });

  it('a PATCH without any version answers 428, documented', async () => {
    const post = await createPost(w, w.owner);
    const res = await call(t, w.owner, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { text: 'x' },
    });
    expect(res.statusCode).toBe(428);
    expect(res.json().error.code).toBe('precondition_required');
    expect(op(POST, 'patch').responses['428']).toBeDefined();
    // With the version, the same edit goes through and answers the next ETag.
    const ok = await call(t, w.owner, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      headers: { 'if-match': `"${post.version}"` },
      payload: { text: 'x' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe(`"${post.version + 1}"`);
  });
});

describe('typed bodies and errors', () => {
  it('bulk create documents its items as posts, not {}', () => {
    const body = op('/api/v1/workspaces/{workspaceId}/posts/bulk', 'post')
      .requestBody as OpenAPIV3.RequestBodyObject;
    const schema = body.content['application/json']?.schema as OpenAPIV3.SchemaObject;
    const list = schema.properties?.items as OpenAPIV3.ArraySchemaObject;
    const items = list.items as OpenAPIV3.SchemaObject;
    expect(Object.keys(items.properties ?? {})).toEqual(
      expect.arrayContaining(['text', 'targets', 'requestedSchedule']),
    );
    expect(items.required).toContain('targets');
  });

  it('every error answer refers to the one Error schema, whose details are typed', () => {
    const conflict = op(POST, 'patch').responses['409'] as OpenAPIV3.ResponseObject;
    expect(conflict.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    const facts = Object.keys(schemaOf('ErrorFacts').properties ?? {});
    expect(facts).toEqual(
      expect.arrayContaining([
        'currentVersion',
        'violations',
        'gap',
        'at',
        'reason',
        'field',
        'errors',
        'retryAfter',
      ]),
    );
    expect(Object.keys(schemaOf('FieldProblem').properties ?? {})).toEqual(
      expect.arrayContaining(['field', 'message']),
    );
  });

  it('the facts documented are the ones the API sends (a stale version, a DST gap)', async () => {
    const post = await createPost(w, w.owner);
    const stale = await call(t, w.owner, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { version: post.version + 5, text: 'y' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(post.version);
    const gap = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: {
        text: 'x',
        targets: [{ channelId: w.channels[0] }],
        requestedSchedule: { local: '2031-03-30T02:30', timezone: 'Europe/Paris' },
      },
    });
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error.details).toMatchObject({
      reason: 'nonexistent_local_time',
      field: 'body.requestedSchedule.local',
      gap: { from: '02:00', to: '03:00' },
    });
  });
});

describe('the webhooks section (OpenAPI 3.1)', () => {
  it('documents the POST every event kind makes, with the signed payload and its headers', () => {
    const webhooks = (doc as unknown as { webhooks?: Record<string, { post?: OpenAPIV3.OperationObject }> })
      .webhooks;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(webhooks ?? {}).sort()).toEqual([...NOTIFICATION_KINDS, WEBHOOK_TEST_EVENT].sort());
    const failed = webhooks?.post_failed?.post;
    if (!failed) throw new Error('post_failed is not in the webhooks section');
    const headers = (failed.parameters as OpenAPIV3.ParameterObject[]).map((p) => `${p.in}:${p.name}`);
    expect(headers).toEqual(
      ['X-Cadence-Event', 'X-Cadence-Delivery', 'X-Cadence-Timestamp', 'X-Cadence-Signature'].map(
        (h) => `header:${h}`,
      ),
    );
    const body = (failed.requestBody as OpenAPIV3.RequestBodyObject).content['application/json']?.schema;
    expect(body).toEqual({
      allOf: [
        { $ref: '#/components/schemas/WebhookPayload' },
        { type: 'object', properties: { event: { const: 'post_failed' } } },
      ],
    });
    // The payload it points at is in the components, with the fields a receiver reads.
    expect(Object.keys(schemaOf('WebhookPayload').properties ?? {}).sort()).toEqual(
      ['data', 'event', 'id', 'occurredAt', 'workspaceId'].sort(),
    );
  });
});

describe("the web app's typed client", () => {
  it('is generated from this very document (pnpm --filter @cadence/web api:types)', () => {
    const committedDoc = readFileSync(path.join(webDir, 'src/api/openapi.json'), 'utf8');
    expect(
      committedDoc,
      'apps/web/src/api/openapi.json is stale: run pnpm --filter @cadence/web api:types',
    ).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    // Generate the client types again from the live document, as the web build does; the web
    // app's typecheck (pnpm typecheck) compiles against the committed copy, so they must agree.
    const out = mkdtempSync(path.join(tmpdir(), 'cadence-openapi-'));
    const generated = path.join(out, 'schema.d.ts');
    execFileSync(
      path.join(webDir, 'node_modules/.bin/openapi-typescript'),
      ['src/api/openapi.json', '-o', generated],
      {
        cwd: webDir,
        stdio: 'pipe',
      },
    );
    expect(readFileSync(generated, 'utf8')).toBe(
      readFileSync(path.join(webDir, 'src/api/schema.d.ts'), 'utf8'),
    );
  }, 60_000);
});

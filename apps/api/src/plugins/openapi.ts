import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { webhookOperations } from './openapi-webhooks';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer carries the resource's version as ETag ('read'); a 'write' also takes it back as
     * If-Match (or body.version) and answers 409 when stale, 428 when neither is sent.
     */
    etag?: 'read' | 'write';
  }
}

const IF_MATCH = {
  type: 'string',
  description:
    'The ETag of the post as you read it ("3"). body.version may carry it instead; with neither the answer is 428, ' +
    'with a stale one 409 (error.details.currentVersion says the version now)',
};
const ETAG = { type: 'string', description: 'The version of the post ("3"): send it back as If-Match' };

type JsonObject = Record<string, unknown>;
type Transformed = ReturnType<typeof jsonSchemaTransform>;

/** Headers are not part of the zod schemas: the route's `etag` config documents them. */
function withVersionHeaders(transformed: Transformed, etag: 'read' | 'write' | undefined): Transformed {
  if (!etag || !transformed.schema) return transformed;
  const schema = { ...(transformed.schema as JsonObject) };
  if (etag === 'write') {
    const headers = (schema.headers as { properties?: JsonObject } | undefined) ?? {};
    schema.headers = { type: 'object', properties: { ...headers.properties, 'if-match': IF_MATCH } };
  }
  const responses = { ...(schema.response as Record<string, JsonObject> | undefined) };
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('2')) responses[status] = { ...response, headers: { etag: ETAG } };
  }
  schema.response = responses;
  return { ...transformed, schema } as Transformed;
}

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      // 3.1 for its `webhooks` section: the requests Cadence makes to subscribers (decision 0236).
      openapi: '3.1.0',
      info: {
        title: 'Cadence API',
        version: '1.0.0',
        description:
          'Editorial calendar and post scheduler. Authenticate with a session cookie (web app, plus X-CSRF-Token on unsafe methods) or `Authorization: Bearer <API token>`. ' +
          'Every failure answers the `Error` shape with the request id also in the X-Request-Id header. ' +
          "Languages: the words meant for people (`error.message`, each field problem's `message`, a charter " +
          "violation's `message` in check answers and errors) are in French or English as `Accept-Language` asks " +
          "(q-values honoured, fr-FR counts as fr); without a usable header, in the workspace's language on a " +
          'workspace route, else in English. Programs read what never changes with the language: `error.code`, ' +
          '`error.messageCode` with `error.params` (a code of the message catalogue and its parameters), ' +
          '`details[].field` and `details[].reason` (required, invalid_uuid, too_long, not_one_of, unknown_field...), ' +
          "and a violation's `rule`, `messageCode` and `params`.",
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'cadence_session' },
        },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
      webhooks: webhookOperations(),
    },
    transform: (document) => withVersionHeaders(jsonSchemaTransform(document), document.route.config?.etag),
    // Schemas given an id (.meta({ id })) become components: Error, FieldProblem, ErrorFacts.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

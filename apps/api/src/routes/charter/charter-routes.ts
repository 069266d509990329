import {
  charterCheckResultSchema,
  charterCheckSchema,
  charterSaveSchema,
  charterVersionSchema,
  charterVersionSummarySchema,
  versionParamSchema,
} from '@cadence/domain/charter/api-schemas';
import {
  getCharterVersion,
  getCurrentCharter,
  listCharterVersions,
  saveCharter,
} from '@cadence/domain/charter/charter-use-cases';
import { checkDraft } from '@cadence/domain/charter/check-draft';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { withViolationMessages } from '../../http/error-words';
import { errorResponses } from '../../http/errors';
import { pageOf, pageQuerySchema } from '../../http/pagination';
import { requestLocale } from '../../http/request-language';
import { workspaceParams } from '../workspaces/workspace-routes';
import { decodeVersionCursor, toVersionPage } from './version-cursor';

const versionParams = workspaceParams.extend({ version: versionParamSchema });

export async function charterRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/charter',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['charter'],
        summary: 'The charter in force (version 0 with no rules when none was saved)',
        params: workspaceParams,
        response: { 200: charterVersionSchema, ...errorResponses },
      },
    },
    async (request) => getCurrentCharter(db, request.params.workspaceId),
  );

  r.put(
    '/workspaces/:workspaceId/charter',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['charter'],
        summary: 'Save the charter as a new version; 409 when baseVersion is not the current one',
        params: workspaceParams,
        body: charterSaveSchema,
        response: { 200: charterVersionSchema, ...errorResponses },
      },
    },
    async (request) => saveCharter(db, { ...request.actor, requestId: request.id }, request.body),
  );

  r.get(
    '/workspaces/:workspaceId/charter/versions',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['charter'],
        summary: 'Charter versions, newest first, without their rules',
        params: workspaceParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(charterVersionSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listCharterVersions(db, request.params.workspaceId, {
        limit: request.query.limit,
        beforeVersion: decodeVersionCursor(request.query.cursor),
      });
      return toVersionPage(rows, request.query.limit);
    },
  );

  r.get(
    '/workspaces/:workspaceId/charter/versions/:version',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['charter'],
        summary: 'One charter version with its rules',
        params: versionParams,
        response: { 200: charterVersionSchema, ...errorResponses },
      },
    },
    async (request) => getCharterVersion(db, request.params.workspaceId, request.params.version),
  );

  r.post(
    '/workspaces/:workspaceId/charter/check',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['charter'],
        summary: 'Check a draft against the network limits, the charter and a campaign (nothing is saved)',
        params: workspaceParams,
        body: charterCheckSchema,
        response: { 200: charterCheckResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await checkDraft(db, request.actor, request.body);
      return { ...result, violations: withViolationMessages(requestLocale(request), result.violations) };
    },
  );
}

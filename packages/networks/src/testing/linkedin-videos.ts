// A stand-in for LinkedIn's Videos API as documented: initializeUpload answers a video URN and one
// upload URL per byte range; each PUT answers an ETag; finalizeUpload checks that every part came,
// with its ETag, in order; GET /rest/videos/{urn} plays the processing states a test asks for.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

type Status = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

interface Video {
  urn: string;
  owner: string;
  fileSizeBytes: number;
  /** ETag of each part received, by part number. */
  parts: Map<number, { etag: string; bytes: number }>;
  partCount: number;
  statuses: Status[];
}

export interface LinkedinVideosStandIn {
  videos: Map<string, Video>;
  /** Bytes per upload URL (LinkedIn uses about 4 MB). */
  partBytes: number;
  /** What GET answers after finalizing, one per check; the last one stays. */
  nextStatuses: Status[];
  checks: string[];
}

export function linkedinVideoRoutes(app: FastifyInstance, origin: () => string): LinkedinVideosStandIn {
  const stand: LinkedinVideosStandIn = {
    videos: new Map(),
    partBytes: 4 * 1024 * 1024,
    nextStatuses: ['AVAILABLE'],
    checks: [],
  };
  let counter = 0;
  const refuse = (message: string) => ({ status: 400, message });

  app.post<{ Querystring: { action?: string } }>('/rest/videos', async (request, reply) => {
    const body = request.body as Record<string, Record<string, unknown> | undefined>;
    if (request.query.action === 'initializeUpload') {
      const init = body.initializeUploadRequest;
      const size = Number(init?.fileSizeBytes);
      if (typeof init?.owner !== 'string' || !Number.isInteger(size) || size <= 0)
        return reply.code(400).send(refuse('owner and fileSizeBytes are required'));
      const urn = `urn:li:video:C5F10AQ${++counter}`;
      const partCount = Math.ceil(size / stand.partBytes);
      stand.videos.set(urn, {
        urn,
        owner: init.owner,
        fileSizeBytes: size,
        parts: new Map(),
        partCount,
        statuses: ['WAITING_UPLOAD'],
      });
      const uploadInstructions = Array.from({ length: partCount }, (_, part) => ({
        uploadUrl: `${origin()}/upload/video/${encodeURIComponent(urn)}/${part}`,
        firstByte: part * stand.partBytes,
        lastByte: Math.min(size, (part + 1) * stand.partBytes) - 1,
      }));
      return {
        value: {
          uploadUrlsExpireAt: Date.now() + 86_400_000,
          video: urn,
          uploadInstructions,
          uploadToken: '',
        },
      };
    }
    if (request.query.action === 'finalizeUpload') {
      const fin = body.finalizeUploadRequest as { video?: string; uploadedPartIds?: string[] } | undefined;
      const video = stand.videos.get(fin?.video ?? '');
      if (!video) return reply.code(404).send({ status: 404, message: 'Video not found' });
      const expected = Array.from({ length: video.partCount }, (_, part) => video.parts.get(part)?.etag);
      const received = [...video.parts.values()].reduce((sum, p) => sum + p.bytes, 0);
      if (
        JSON.stringify(expected) !== JSON.stringify(fin?.uploadedPartIds) ||
        received !== video.fileSizeBytes
      )
        return reply.code(400).send(refuse('Uploaded parts do not match the upload instructions'));
      video.statuses = [...stand.nextStatuses];
      return reply.code(200).send();
    }
    return reply.code(400).send(refuse('unknown action'));
  });
  app.put<{ Params: { urn: string; part: string } }>('/upload/video/:urn/:part', async (request, reply) => {
    const video = stand.videos.get(request.params.urn);
    const part = Number(request.params.part);
    const bytes = request.body as Buffer;
    if (!video || !Number.isInteger(part) || part >= video.partCount) return reply.code(404).send();
    const expected = Math.min(video.fileSizeBytes, (part + 1) * stand.partBytes) - part * stand.partBytes;
    if (bytes.length !== expected) return reply.code(400).send(refuse(`part ${part}: ${bytes.length} bytes`));
    const etag = `/ambry-video/signedId/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
    video.parts.set(part, { etag, bytes: bytes.length });
    return reply.code(201).header('etag', etag).send();
  });
  app.get<{ Params: { urn: string } }>('/rest/videos/:urn', async (request, reply) => {
    const video = stand.videos.get(request.params.urn);
    if (!video) return reply.code(404).send({ status: 404, message: 'Video not found' });
    stand.checks.push(video.urn);
    const [status = 'AVAILABLE'] = video.statuses;
    if (video.statuses.length > 1) video.statuses.shift();
    return {
      id: video.urn,
      owner: video.owner,
      status,
      ...(status === 'PROCESSING_FAILED' ? { processingFailureReason: 'Unsupported codec' } : {}),
    };
  });
  return stand;
}

// A stand-in for X's v2 media upload as documented: images in one multipart POST /2/media/upload;
// videos through /2/media/upload/initialize, /{id}/append (multipart `media` + `segment_index`,
// each piece at most 5 MB), /{id}/finalize and GET /2/media/upload?command=STATUS. It keeps the
// pieces it got, refuses a FINALIZE whose bytes do not add up, and plays the processing states a
// test asks for ('in_progress' then 'succeeded', or 'failed').
import type { FastifyInstance } from 'fastify';
import { multipartFields } from './server';

type State = 'pending' | 'in_progress' | 'succeeded' | 'failed';

interface Upload {
  id: string;
  mediaType: string;
  category: string;
  totalBytes: number;
  segments: Map<number, number>;
  /** What STATUS answers next, one per check; the last one stays. */
  states: State[];
  finalized: boolean;
}

export interface XMediaStandIn {
  uploads: Map<string, Upload>;
  /** Image uploads (one call each). */
  images: { id: string; category: string }[];
  /** Calls to STATUS, by media id. */
  statusChecks: string[];
  /** The processing states the next video goes through after FINALIZE (none: ready at once). */
  nextStates: State[];
}

const MAX_SEGMENT_BYTES = 5 * 1024 * 1024;

export function xMediaRoutes(app: FastifyInstance): XMediaStandIn {
  const stand: XMediaStandIn = { uploads: new Map(), images: [], statusChecks: [], nextStates: [] };
  let counter = 1880028106020515840n;
  const nextId = () => String(++counter);
  const problem = (status: number, detail: string) => ({ title: 'Bad Request', status, detail });
  const info = (upload: Upload) => {
    const [state] = upload.states;
    if (!state) return undefined;
    if (state === 'failed')
      return { state, error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' } };
    return state === 'succeeded' ? { state } : { state, check_after_secs: 1, progress_percent: 40 };
  };

  app.post('/2/media/upload', async (request) => {
    const form = await multipartFields(request);
    const id = nextId();
    stand.images.push({ id, category: String(form.get('media_category')) });
    return { data: { id, media_key: `3_${id}`, expires_after_secs: 86_400 } };
  });
  app.post('/2/media/upload/initialize', async (request, reply) => {
    const body = request.body as { media_type?: string; total_bytes?: number; media_category?: string };
    if (!body.media_type || !Number.isInteger(body.total_bytes) || (body.total_bytes ?? 0) <= 0)
      return reply.code(400).send(problem(400, 'media_type and total_bytes are required'));
    const id = nextId();
    stand.uploads.set(id, {
      id,
      mediaType: body.media_type,
      category: body.media_category ?? '',
      totalBytes: body.total_bytes ?? 0,
      segments: new Map(),
      states: [],
      finalized: false,
    });
    return { data: { id, media_key: `7_${id}`, expires_after_secs: 86_400 } };
  });
  app.post<{ Params: { id: string } }>('/2/media/upload/:id/append', async (request, reply) => {
    const upload = stand.uploads.get(request.params.id);
    if (!upload || upload.finalized) return reply.code(400).send(problem(400, 'Unknown media id'));
    const form = await multipartFields(request);
    const index = Number(form.get('segment_index'));
    const media = form.get('media');
    if (!Number.isInteger(index) || index < 0 || index > 999 || !(media instanceof Blob))
      return reply.code(400).send(problem(400, 'segment_index and media are required'));
    if (media.size > MAX_SEGMENT_BYTES) return reply.code(400).send(problem(400, 'Segment over 5 MB'));
    upload.segments.set(index, media.size);
    return reply.code(200).send({ data: { expires_at: Date.now() + 86_400_000 } });
  });
  app.post<{ Params: { id: string } }>('/2/media/upload/:id/finalize', async (request, reply) => {
    const upload = stand.uploads.get(request.params.id);
    if (!upload) return reply.code(400).send(problem(400, 'Unknown media id'));
    const received = [...upload.segments.values()].reduce((sum, size) => sum + size, 0);
    const contiguous = [...upload.segments.keys()].every((index) => index < upload.segments.size);
    if (received !== upload.totalBytes || !contiguous)
      return reply.code(400).send(problem(400, `Got ${received} of ${upload.totalBytes} bytes`));
    upload.finalized = true;
    upload.states = [...stand.nextStates];
    const processing = info(upload);
    return {
      data: {
        id: upload.id,
        media_key: `7_${upload.id}`,
        size: upload.totalBytes,
        expires_after_secs: 86_400,
        ...(processing ? { processing_info: { ...processing, state: 'pending' } } : {}),
      },
    };
  });
  app.get<{ Querystring: { command?: string; media_id?: string } }>(
    '/2/media/upload',
    async (request, reply) => {
      const upload = stand.uploads.get(request.query.media_id ?? '');
      if (request.query.command !== 'STATUS' || !upload?.finalized)
        return reply.code(400).send(problem(400, 'Unknown media id'));
      stand.statusChecks.push(upload.id);
      const processing = info(upload);
      if (upload.states.length > 1) upload.states.shift();
      return {
        data: {
          id: upload.id,
          media_key: `7_${upload.id}`,
          ...(processing ? { processing_info: processing } : {}),
        },
      };
    },
  );
  return stand;
}

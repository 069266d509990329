// LinkedIn Posts API (members and organisation pages): POST /rest/posts answers 201 with the new
// post's URN in the x-restli-id header. LinkedIn has no idempotency key, so an unclear outcome is
// left for a person, except that LinkedIn itself refuses an identical recent post and names it.
// The first comment goes through /rest/socialActions/{urn}/comments. The inbox side (comments
// under our posts, replies) is inbox.ts.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import type { NetworkAdapter, PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { header, send } from '../network-http/call';
import { type AdapterDeps, origin, textWithLink } from '../network-http/compose';
import { linkCard } from '../network-http/link-card';
import { toCommentary } from './commentary';
import { LINKEDIN_API, LINKEDIN_VERSION, linkedinCredentialsSchema } from './credentials';
import { duplicateOf, linkedinCall, linkedinFailure } from './http';
import { createLinkedinInbox } from './inbox';
import { uploadLinkedinMedia } from './media';
import type { LinkedinMediaContext } from './media-context';

export function createLinkedinAdapter(
  deps: AdapterDeps & Pick<LinkedinMediaContext['deps'], 'pollIntervalMs'>,
): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const api = origin(LINKEDIN_API, deps.baseUrl);

  async function content(request: PublishRequest, token: string, author: string, signal: AbortSignal) {
    if (request.media.length > 0)
      return uploadLinkedinMedia({ api, token, author, request, deps, signal, now });
    if (request.link) {
      const card = await linkCard(request.link, deps.http, signal);
      return {
        article: {
          source: request.link,
          title: card.title,
          ...(card.description ? { description: card.description } : {}),
        },
      };
    }
    return undefined;
  }

  return {
    network: 'linkedin',
    inbox: createLinkedinInbox(deps),
    capabilities: { canFindExisting: false, idempotentRetry: false },
    // Members may post about 150 times a day; spread the calls out.
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.linkedin },
    async publish(request, signal) {
      const parsed = linkedinCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success)
        throw new NetworkError('auth_revoked', 'The LinkedIn channel has no valid token and author');
      const { accessToken: token, author } = parsed.data;
      const attached = await content(request, token, author, signal);
      // With an article card the link is in the card; otherwise it goes in the text.
      const text =
        attached && 'article' in attached ? request.text : textWithLink(request.text, request.link);
      const response = await send(
        {
          method: 'POST',
          url: `${api}/rest/posts`,
          headers: {
            authorization: `Bearer ${token}`,
            'linkedin-version': LINKEDIN_VERSION,
            'x-restli-protocol-version': '2.0.0',
          },
          json: {
            author,
            commentary: toCommentary(text),
            visibility: 'PUBLIC',
            distribution: {
              feedDistribution: 'MAIN_FEED',
              targetEntities: [],
              thirdPartyDistributionChannels: [],
            },
            ...(attached ? { content: attached } : {}),
            lifecycleState: 'PUBLISHED',
            isReshareDisabledByAuthor: false,
          },
        },
        deps.http,
        signal,
      );
      let urn = duplicateOf(response);
      if (!urn) {
        if (response.status !== 201) throw linkedinFailure(response, now());
        urn = header(response, 'x-restli-id') ?? null;
        if (!urn || !/^urn:li:(share|ugcPost):\d+$/.test(urn)) {
          throw new NetworkError(
            'ambiguous',
            'LinkedIn accepted the post but did not say which post it made',
          );
        }
      }
      const published = { externalId: urn, externalUrl: `https://www.linkedin.com/feed/update/${urn}/` };
      if (!request.firstComment) return published;
      try {
        await linkedinCall(
          {
            method: 'POST',
            url: `${api}/rest/socialActions/${encodeURIComponent(urn)}/comments`,
            json: { actor: author, object: urn, message: { text: request.firstComment } },
          },
          token,
          deps.http,
          signal,
          now,
        );
        return published;
      } catch (error) {
        const reason = error instanceof NetworkError ? error.message : String(error);
        return { ...published, warnings: [`The first comment was not posted: ${reason}`] };
      }
    },
  };
}

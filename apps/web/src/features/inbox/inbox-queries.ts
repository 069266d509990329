// The inbox over the typed client (docs/inbox.md): keyset pages of items, the badge's counts
// (polled like the bell), one conversation, triage and notes. Every write refreshes the lists and
// the counts, since a status or an assignee moves an item between filters.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { POLL_MS } from '../notifications/notification-queries';

type ItemsPath = paths['/api/v1/workspaces/{workspaceId}/inbox/items'];
type ItemPath = paths['/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}'];
export type InboxItem = ItemsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type InboxFilter = Omit<NonNullable<ItemsPath['get']['parameters']['query']>, 'cursor' | 'limit'>;
export type Conversation = ItemPath['get']['responses'][200]['content']['application/json'];
export type InboxChange = NonNullable<ItemPath['patch']['requestBody']>['content']['application/json'];

const PAGE = 30;

const inboxKeys = {
  all: (workspaceId: string) => ['inbox', workspaceId] as const,
  list: (workspaceId: string, filter: InboxFilter) => ['inbox', workspaceId, 'list', filter] as const,
  counts: (workspaceId: string) => ['inbox', workspaceId, 'counts'] as const,
  one: (workspaceId: string, itemId: string) => ['inbox', workspaceId, 'one', itemId] as const,
};

export const useInboxItems = (workspaceId: string, filter: InboxFilter) =>
  useInfiniteQuery({
    queryKey: inboxKeys.list(workspaceId, filter),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/inbox/items', {
          params: {
            path: { workspaceId },
            query: { ...filter, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useInboxCounts = (workspaceId: string) =>
  useQuery({
    queryKey: inboxKeys.counts(workspaceId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/inbox/counts', { params: { path: { workspaceId } } }),
      ),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });

/**
 * While something is on its way (a like, a hide, a reply queued or sending), the conversation is
 * read again until the jobs have done it; nothing in flight, no polling.
 */
const IN_FLIGHT_POLL_MS = 2_000;
const REPLY_IN_FLIGHT: ReadonlySet<string> = new Set(['queued', 'sending']);
export const conversationInFlight = (c: Conversation | undefined) =>
  c !== undefined &&
  (c.item.like.state === 'liking' ||
    c.item.like.state === 'unliking' ||
    c.item.hide.state === 'hiding' ||
    c.item.hide.state === 'showing' ||
    c.replies.some((r) => REPLY_IN_FLIGHT.has(r.status)));

export const useConversation = (workspaceId: string, itemId: string) =>
  useQuery({
    queryKey: inboxKeys.one(workspaceId, itemId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}', {
          params: { path: { workspaceId, itemId } },
        }),
      ),
    refetchInterval: (query) => (conversationInFlight(query.state.data) ? IN_FLIGHT_POLL_MS : false),
  });

/** Like (true) or take the like back (false); both are idempotent on the server. */
export function useSetLike(workspaceId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (liked: boolean) => {
      const params = { params: { path: { workspaceId, itemId } } };
      const path = '/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}/like' as const;
      return unwrap(liked ? await api.PUT(path, params) : await api.DELETE(path, params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.one(workspaceId, itemId) }),
  });
}

/** Hide under our post (true) or show again (false); both are idempotent on the server. */
export function useSetHidden(workspaceId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (hidden: boolean) => {
      const params = { params: { path: { workspaceId, itemId } } };
      const path = '/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}/hidden' as const;
      return unwrap(hidden ? await api.PUT(path, params) : await api.DELETE(path, params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.one(workspaceId, itemId) }),
  });
}

export function useChangeItem(workspaceId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InboxChange) =>
      unwrap(
        await api.PATCH('/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}', {
          params: { path: { workspaceId, itemId } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all(workspaceId) }),
  });
}

export function useAddNote(workspaceId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}/notes', {
          params: { path: { workspaceId, itemId } },
          body: { body },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.one(workspaceId, itemId) }),
  });
}

/** The key travels with the text: the same click retried is the same reply, never a second one. */
export function useSendReply(workspaceId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ text, key }: { text: string; key: string }) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{itemId}/replies', {
          params: { path: { workspaceId, itemId }, header: { 'idempotency-key': key } },
          body: { text },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all(workspaceId) }),
  });
}

/** Managers' worklist of replies waiting for approval, polled like the counts. */
export const usePendingReplies = (workspaceId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...inboxKeys.all(workspaceId), 'pending'] as const,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/inbox/pending-replies', {
          params: { path: { workspaceId } },
        }),
      ).items,
    enabled,
    refetchInterval: POLL_MS,
  });

/** Approve, or send back with a comment: either refreshes the conversation and the worklist. */
export function useReviewReply(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (review: { replyId: string; comment?: string }) => {
      const path = { workspaceId, replyId: review.replyId };
      return review.comment === undefined
        ? unwrap(
            await api.POST('/api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}/approve', {
              params: { path },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}/return', {
              params: { path },
              body: { comment: review.comment },
            }),
          );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all(workspaceId) }),
  });
}

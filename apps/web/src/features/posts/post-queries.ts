// Posts over the typed client: one post, lists, its conversation and history, and the workflow's
// transitions. Every write sends the version read, so a stale edit answers 409 instead of winning.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type PostsPath = paths['/api/v1/workspaces/{workspaceId}/posts'];
type PostPath = paths['/api/v1/workspaces/{workspaceId}/posts/{postId}'];
export type Post = PostPath['get']['responses'][200]['content']['application/json'];
export type PostSummary = PostsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type PostCreate = NonNullable<PostsPath['post']['requestBody']>['content']['application/json'];
export type PostUpdate = NonNullable<PostPath['patch']['requestBody']>['content']['application/json'];
export type PostStatus = Post['status'];
export type PostTarget = Post['targets'][number];
export type PostListFilter = NonNullable<PostsPath['get']['parameters']['query']>;
export type PostComment =
  paths['/api/v1/workspaces/{workspaceId}/posts/{postId}/comments']['get']['responses'][200]['content']['application/json']['items'][number];
export type PostEvent =
  paths['/api/v1/workspaces/{workspaceId}/posts/{postId}/history']['get']['responses'][200]['content']['application/json']['items'][number];

const postKeys = {
  all: (workspaceId: string) => ['posts', workspaceId] as const,
  one: (workspaceId: string, postId: string) => ['posts', workspaceId, 'one', postId] as const,
  list: (workspaceId: string, filter: PostListFilter) => ['posts', workspaceId, 'list', filter] as const,
  comments: (workspaceId: string, postId: string) => ['posts', workspaceId, 'comments', postId] as const,
  history: (workspaceId: string, postId: string) => ['posts', workspaceId, 'history', postId] as const,
};

export const postQuery = (workspaceId: string, postId: string) =>
  queryOptions({
    queryKey: postKeys.one(workspaceId, postId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}', {
          params: { path: { workspaceId, postId } },
        }),
      ),
  });

export const usePost = (workspaceId: string, postId: string | undefined) =>
  useQuery({ ...postQuery(workspaceId, postId ?? ''), enabled: Boolean(postId) });

/** One page of up to 200 posts (newest first): enough for an inbox or a drafts panel. */
export const usePostList = (workspaceId: string, filter: PostListFilter, enabled = true) =>
  useQuery({
    queryKey: postKeys.list(workspaceId, filter),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/posts', {
          params: { path: { workspaceId }, query: { limit: 200, ...filter } },
        }),
      ).items,
    enabled,
  });

export const usePostComments = (workspaceId: string, postId: string) =>
  useQuery({
    queryKey: postKeys.comments(workspaceId, postId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}/comments', {
          params: { path: { workspaceId, postId }, query: { limit: 200 } },
        }),
      ).items,
  });

export const usePostHistory = (workspaceId: string, postId: string) =>
  useQuery({
    queryKey: postKeys.history(workspaceId, postId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}/history', {
          params: { path: { workspaceId, postId }, query: { limit: 200 } },
        }),
      ).items,
  });

/** After any write: the post itself, every list and the calendar may show it differently. */
export function useRefreshPosts(workspaceId: string) {
  const queryClient = useQueryClient();
  return (post?: Post) => {
    if (post) queryClient.setQueryData(postKeys.one(workspaceId, post.id), post);
    void queryClient.invalidateQueries({ queryKey: postKeys.all(workspaceId) });
    void queryClient.invalidateQueries({ queryKey: ['calendar', workspaceId] });
    void queryClient.invalidateQueries({ queryKey: ['campaigns', workspaceId] });
  };
}

export * from './storage/index';
export { intakeMedia, type IntakeInput, type StoredMedia } from './intake/intake';
export { MEDIA_REJECTIONS, MediaRejectedError, type MediaRejectionReason } from './intake/rejection';
export type { MediaDeps } from './library/media-deps';
export { uploadMedia } from './library/upload-media';
export { deleteMedia, getMedia, listMedia, readMedia, updateMedia } from './library/library-use-cases';
export { sweepUnattachedMedia, UNATTACHED_MEDIA_TTL_MS } from './library/sweep-media';
export { postsUsingMedia } from './library/media-usage';
export {
  cropWithin,
  FIXABLE_NETWORKS,
  type FixableNetwork,
  fixMediaForNetwork,
  shrinkUnder,
} from './library/fix-media';
export { libraryReaderFor, type NetworkMediaFile } from './library/read-for-network';
export type { NetworkMediaLink } from './library/read-for-network';
export {
  checkMediaLink,
  MEDIA_LINK_PATH,
  MEDIA_LINK_TTL_MS,
  type MediaLinkKeys,
  mediaLinkKeys,
  signMediaLink,
} from './links/media-links';
export { readLinkedMedia } from './links/read-linked-media';

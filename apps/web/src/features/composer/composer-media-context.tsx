// What the media rows need from the whole composer: the live charter findings (to show each
// problem on its item) and the library facts, without threading them through every component.
import type { Violation } from '@cadence/domain/charter/schemas';
import type { Network } from '@cadence/domain/networks/schemas';
import { createContext, useContext } from 'react';
import type { LibraryItem } from '../media/media-queries';
import { type ComposerDraft, isMediaCustomised } from './composer-model';

export interface ComposerMediaValue {
  workspaceId: string;
  draft: ComposerDraft;
  violations: readonly Violation[];
  library: ReadonlyMap<string, LibraryItem>;
  remember: (item: LibraryItem) => void;
}

export const ComposerMediaContext = createContext<ComposerMediaValue | null>(null);

export function useComposerMedia(): ComposerMediaValue {
  const value = useContext(ComposerMediaContext);
  if (!value) throw new Error('useComposerMedia needs ComposerMediaContext');
  return value;
}

/** Findings on one attachment: a network tab's own, or on Base those of networks inheriting it. */
export function itemProblems(value: ComposerMediaValue, list: Network | 'base', index: number) {
  return value.violations.filter(
    (v) =>
      v.field === 'media' &&
      v.item === index &&
      v.network !== undefined &&
      (list === 'base' ? !isMediaCustomised(value.draft, v.network) : v.network === list),
  );
}

/** The one-click fixes the server can make (POST /media/{id}/fix), by the rule they answer. */
export const FIXES = [
  { network: 'bluesky', rule: 'network.mediaBytes' },
  { network: 'instagram', rule: 'network.mediaAspect' },
] as const;

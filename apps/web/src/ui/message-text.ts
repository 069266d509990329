// A message of the shared catalogue (packages/messages) in the reader's language: charter verdicts
// and API errors arrive as a code and parameters, and are worded here from the same catalogue the
// API words its answers from, never from the server's sentence.
import type { MessageParams } from '@cadence/messages/codes';
import i18n from '../i18n/index';

export interface MessageLike {
  messageCode: string;
  params?: MessageParams | undefined;
}

export function messageText(ref: MessageLike, language: string = i18n.language): string {
  return i18n.t(ref.messageCode, { ...ref.params, ns: 'messages', lng: language });
}

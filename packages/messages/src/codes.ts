// Message codes are the catalogue's key paths ("charter.networkLength", "errors.notFound.post"),
// plural suffixes left out: i18next picks _one/_other from the `count` parameter.
import type { en } from './en';

/** The i18next namespace the catalogues are loaded under, in the API and in the web app. */
export const MESSAGES_NAMESPACE = 'messages';

type StripPlural<K extends string> =
  K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${StripPlural<K>}`
    : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageCode = KeyPaths<typeof en>;
/** Parameters travel as JSON in API answers: strings, numbers and lists of strings only. */
export type MessageParams = Record<string, string | number | string[]>;

/** A sentence to say, by code: what errors and charter verdicts carry instead of words. */
export interface MessageRef {
  messageCode: MessageCode;
  params?: MessageParams;
}

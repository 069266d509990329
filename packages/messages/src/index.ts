export { MESSAGES_NAMESPACE, type MessageCode, type MessageParams, type MessageRef } from './codes';
export { en } from './en';
export { registerFormatters } from './formatters';
export { fr } from './fr';
export { catalogues, hasMessage, sentenceOf, translate } from './translate';
export {
  fieldSentence,
  type IssueFacts,
  type ReasonWithParams,
  reasonOf,
  VALIDATION_REASONS,
  type ValidationReason,
} from './field-problems';

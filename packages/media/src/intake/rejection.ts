// Why an upload was refused, as a reason code the web app translates (details.reason), under the
// domain error code that the one HTTP table turns into 400, 413 or 422.
import { AppError, type ErrorCode } from '@cadence/domain/errors';

export const MEDIA_REJECTIONS = {
  bad_file_name: 'bad_request',
  upload_interrupted: 'bad_request',
  empty_file: 'unprocessable',
  file_too_large: 'payload_too_large',
  quota_exceeded: 'payload_too_large',
  type_not_supported: 'unprocessable',
  svg_not_accepted: 'unprocessable',
  polyglot_file: 'unprocessable',
  too_many_pixels: 'unprocessable',
  unreadable_file: 'unprocessable',
} as const satisfies Record<string, ErrorCode>;
export type MediaRejectionReason = keyof typeof MEDIA_REJECTIONS;

export class MediaRejectedError extends AppError {
  constructor(
    readonly reason: MediaRejectionReason,
    extra: Record<string, unknown> = {},
  ) {
    super(
      MEDIA_REJECTIONS[reason],
      { messageCode: `errors.media.${reason}` },
      { field: 'file', reason, ...extra },
    );
    this.name = 'MediaRejectedError';
  }
}

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

const MESSAGES: Record<MediaRejectionReason, string> = {
  bad_file_name: 'The file name is empty, too long, or contains a path or control characters',
  upload_interrupted: 'The upload stopped before the whole file arrived',
  empty_file: 'The file is empty (0 bytes)',
  file_too_large: 'The file is larger than this server accepts',
  quota_exceeded: "The workspace's media quota would be exceeded",
  type_not_supported: 'This type of file is not accepted: JPEG, PNG, WebP, GIF, MP4 or MOV only',
  svg_not_accepted: 'SVG files are not accepted (they can carry scripts): export a PNG instead',
  polyglot_file: 'The file is an image with another file (an archive) hidden inside it',
  too_many_pixels: 'The image has too many pixels to process safely',
  unreadable_file: 'The file is damaged or truncated and cannot be read',
};

export class MediaRejectedError extends AppError {
  constructor(
    readonly reason: MediaRejectionReason,
    extra: Record<string, unknown> = {},
  ) {
    super(MEDIA_REJECTIONS[reason], MESSAGES[reason], { field: 'file', reason, ...extra });
    this.name = 'MediaRejectedError';
  }
}

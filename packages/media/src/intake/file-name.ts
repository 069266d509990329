import { MediaRejectedError } from './rejection';

/**
 * The uploaded name is only ever shown (and offered back in Content-Disposition), but a name with a
 * path or control characters is a sign of a hostile or broken client: refused, not silently fixed.
 */
export function checkFileName(raw: string | undefined): string {
  const name = (raw ?? '').normalize('NFC');
  const bad =
    name.trim().length === 0 ||
    name.length > 255 ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    /[\u0000-\u001f\u007f-\u009f/\\]/.test(name) ||
    /[\u202a-\u202e\u2066-\u2069]/.test(name) ||
    name === '.' ||
    name === '..';
  if (bad) throw new MediaRejectedError('bad_file_name');
  return name;
}

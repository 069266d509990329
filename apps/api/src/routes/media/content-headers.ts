import type { FastifyReply } from 'fastify';

/**
 * Headers for serving an uploaded file: its checked type, never sniffed, as an attachment-safe
 * name (RFC 6266 with an ASCII fallback), and a sandbox so a file opened directly can run nothing.
 */
export function setMediaHeaders(
  reply: FastifyReply,
  contentType: string,
  name: string,
  disposition: 'inline' | 'attachment',
) {
  reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, max-age=300')
    .header('content-disposition', contentDisposition(disposition, name));
}

function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file received with a request, held in memory until the request is validated. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

const INLINE_SAFE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']);

/** Whether a type may be shown inline (never HTML or SVG, which could run script on our origin). */
export function isInlineSafe(contentType: string): boolean {
  return INLINE_SAFE.has(contentType.toLowerCase());
}

/** A download name without directories, control characters or an unreasonable length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || 'attachment';
}

/** A content type we store: lower-case type/subtype, or octet-stream when the sender's is odd. */
export function cleanContentType(type: string | undefined): string {
  const t = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(t) ? t : 'application/octet-stream';
}

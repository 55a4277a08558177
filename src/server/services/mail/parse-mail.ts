import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { parseMessageIds, syntheticMessageId } from '../../../domain/mail/message-ids.js';
import { cleanContentType } from '../attachments/uploaded-file.js';
import type { InboundMail } from './inbound-mail.js';

function firstAddress(from: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  for (const group of list) {
    for (const entry of group.value) {
      const address = (entry.address ?? '').trim().toLowerCase();
      if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address)) return { address, name: (entry.name ?? '').trim() };
    }
  }
  return null;
}

/**
 * Parses raw bytes into what the filters read. Tolerant by design: mailparser decodes legacy
 * charsets (windows-1251, koi8-r, iso-8859-1) and raw 8-bit headers, and a broken MIME structure
 * still yields text; nothing here throws on a strange mail.
 */
export async function parseMail(raw: Buffer): Promise<InboundMail> {
  const options = { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 5 * 1024 * 1024 };
  let parsed;
  try {
    parsed = await simpleParser(raw, options);
  } catch (e) {
    // mailparser refuses a header block over 1 MB: parse again with only the headers that matter
    // (the raw mail, every header included, is kept apart).
    if (!/header size/i.test(String(e))) throw e;
    parsed = await simpleParser(essentialHeadersOnly(raw), options);
  }
  const headers = new Map<string, string[]>();
  for (const h of parsed.headerLines) {
    const value = h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const list = headers.get(h.key) ?? [];
    list.push(value);
    headers.set(h.key, list);
  }
  const declared = parseMessageIds(headers.get('message-id')?.[0] ?? '')[0];
  const rfcMessageId = declared && declared.length <= 900 ? declared : syntheticMessageId(createHash('sha256').update(raw).digest('hex'));
  const references = parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
  const threadIds = [...new Set([...references.flatMap((r) => parseMessageIds(r)), ...parseMessageIds(parsed.inReplyTo ?? '')])];
  return {
    raw,
    rfcMessageId,
    from: firstAddress(parsed.from),
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    contentType: headers.get('content-type')?.[0] ?? 'text/plain',
    headers,
    threadIds,
    text: (parsed.text ?? '').replace(/\r\n?/g, '\n'),
    html: parsed.html === false ? null : parsed.html,
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? `${a.contentType.replace(/\W+/g, '-')}.bin`, contentType: cleanContentType(a.contentType), data: a.content })),
  };
}

const ESSENTIAL = /^(from|sender|reply-to|to|cc|subject|date|message-id|in-reply-to|references|mime-version|content-[a-z-]+|auto-submitted|precedence|x-loop|x-autoreply|x-autorespond|x-auto-response-suppress|list-id|list-unsubscribe|x-guichet-mail|return-path)\s*:/i;

/** The mail with only the essential top-level headers kept (folded lines follow their header). */
export function essentialHeadersOnly(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return raw;
  const kept: string[] = [];
  let keeping = false;
  for (const line of text.slice(0, end).split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (keeping) kept.push(line);
      continue;
    }
    keeping = ESSENTIAL.test(line);
    if (keeping) kept.push(line);
  }
  return Buffer.concat([Buffer.from(kept.join('\r\n'), 'latin1'), raw.subarray(Buffer.byteLength(text.slice(0, end), 'latin1'))]);
}

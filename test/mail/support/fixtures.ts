import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/mail');

/** A fixture's bytes with {{PLACEHOLDERS}} replaced by UTF-8 text (the other bytes stay as they are). */
export function eml(name: string, vars: Record<string, string> = {}): Buffer {
  let text = readFileSync(path.join(DIR, name)).toString('latin1');
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{{${k}}}`, Buffer.from(v, 'utf8').toString('latin1'));
  return Buffer.from(text, 'latin1');
}

/** A mail with `size` bytes of extra headers (X-Filler lines), built at test time. */
export function hugeHeaders(size: number, id: string): Buffer {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i += 1) {
    const line = `X-Filler-${i}: ${'x'.repeat(990)}\r\n`;
    lines.push(line);
    total += line.length;
  }
  return Buffer.from(`From: Header Heavy <heavy@headers.example>\r\nTo: support@guichet.test\r\nSubject: Huge headers\r\nMessage-ID: <${id}@headers.example>\r\n${lines.join('')}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe body after a megabyte of headers.\r\n`);
}

/** A mail with `count` small attachments and optionally one file of `bigBytes`. */
export function withAttachments(count: number, id: string, bigBytes = 0, from = 'Many Files <files@attach.example>'): Buffer {
  const parts: string[] = [`From: ${from}\r\nTo: support@guichet.test\r\nSubject: Files for the support team\r\nMessage-ID: <${id}@attach.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="att"\r\n\r\n--att\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the files attached.\r\n`];
  for (let i = 1; i <= count; i += 1) {
    parts.push(`--att\r\nContent-Type: text/plain; name="file-${i}.txt"\r\nContent-Disposition: attachment; filename="file-${i}.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(`file number ${i}\n`).toString('base64')}\r\n`);
  }
  if (bigBytes > 0) {
    const big = Buffer.alloc(bigBytes, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    parts.push(`--att\r\nContent-Type: application/octet-stream; name="database-dump.bak"\r\nContent-Disposition: attachment; filename="database-dump.bak"\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n`);
  }
  parts.push('--att--\r\n');
  return Buffer.from(parts.join(''));
}

/** A plain mail of about `size` bytes of text (benchmarks, replay). */
export function plainMail(opts: { from: string; subject: string; id: string; body: string; headers?: string[]; size?: number }): Buffer {
  let body = opts.body;
  if (opts.size && body.length < opts.size) {
    const filler = 'Detailed log line: the export module reported a timeout while writing the file. ';
    body += `\n\n${filler.repeat(Math.ceil((opts.size - body.length) / filler.length)).replace(/(.{72})/g, '$1\n')}`;
  }
  return Buffer.from(
    `From: ${opts.from}\r\nTo: support@guichet.test\r\nSubject: ${opts.subject}\r\nMessage-ID: <${opts.id}>\r\n${(opts.headers ?? []).map((h) => `${h}\r\n`).join('')}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`,
  );
}

/** A copy of a mail with some text replaced, both sides UTF-8 (another Message-ID, another sender...). */
export function variant(raw: Buffer, ...pairs: Array<[string, string]>): Buffer {
  let text = raw.toString('latin1');
  for (const [from, to] of pairs) text = text.replace(Buffer.from(from, 'utf8').toString('latin1'), Buffer.from(to, 'utf8').toString('latin1'));
  return Buffer.from(text, 'latin1');
}

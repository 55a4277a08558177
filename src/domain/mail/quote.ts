/**
 * Quoted history in a reply: stored messages keep only what the person wrote (the full mail is
 * kept apart). Cut at our "reply above this line" marker, at the usual "On … wrote:" lines of
 * mail clients in our four languages, at "-----Original Message-----", and drop trailing "> " lines.
 */

/** The marker line we put at the top of every mail (the same text in every language). */
export const REPLY_MARKER = '##- ';

const CUT_LINES: RegExp[] = [
  /^\s*##-\s/, // our marker, any language
  /^\s*-{2,}\s*(original message|message d'origine|mensaje original|исходное сообщение|пересылаемое сообщение)\s*-{2,}/i,
  /^\s*(on|le|el|am)\s.{4,200}\s(wrote|a écrit|escribió|schrieb)\s*:\s*$/i,
  /^\s*.{4,200}\s(пишет|написал|написала|написал\(а\))\s*:\s*$/i,
  /^\s*(from|de|от)\s*:\s.+$/i,
];

/** What a reply says without the quoted history; `trimmed` tells whether anything was cut. */
export function trimQuoted(text: string): { text: string; trimmed: boolean } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    if (CUT_LINES.some((re) => re.test(lines[i]!))) {
      // "From:" cuts only when a header block follows (Outlook's quoted header), not in a sentence.
      if (/^\s*(from|de|от)\s*:/i.test(lines[i]!) && !/^\s*(sent|envoyé|enviado|отправлено|date|to|à|para|кому)\s*:/i.test(lines[i + 1] ?? '')) continue;
      end = i;
      break;
    }
  }
  let kept = lines.slice(0, end);
  while (kept.length > 0 && (/^\s*>/.test(kept[kept.length - 1]!) || kept[kept.length - 1]!.trim() === '')) kept = kept.slice(0, -1);
  const out = kept.join('\n').trim();
  // A mail that is nothing but a quote keeps its text: an empty message would lose what was sent.
  if (out === '') return { text: text.trim(), trimmed: false };
  return { text: out, trimmed: out !== text.replace(/\r\n?/g, '\n').trim() };
}

/**
 * "One question per request": tells whether a request asks several distinct questions, from cues in
 * French, Spanish, English and Russian. Pure; quoted lines (e-mail history) are ignored.
 */

/** Why a text was found to ask several questions. */
export type QuestionCue = 'question_paragraphs' | 'numbered_questions' | 'another_question_phrase';

/** The detector's verdict. */
export interface QuestionVerdict {
  several: boolean;
  cues: QuestionCue[];
}

/** Phrases announcing another, distinct question (lower case, accents as written). */
const ANOTHER_QUESTION = [
  // fr
  /\bautre question\b/u,
  /\b(deuxi[eè]me|seconde|2e|derni[eè]re) question\b/u,
  /\bune question suppl[ée]mentaire\b/u,
  /\bj'ai aussi une question\b/u,
  /\bsans rapport\b/u,
  // es
  /\botra pregunta\b/u,
  /\bsegunda pregunta\b/u,
  /\bpregunta adicional\b/u,
  /\btambi[ée]n (quisiera|quer[ií]a) preguntar\b/u,
  // en
  /\banother question\b/u,
  /\b(second|separate|unrelated|additional|one more) question\b/u,
  /\balso,? (i )?(wanted|want|would like) to ask\b/u,
  // ru
  /(^|[^\p{L}])друг(ой|ая) вопрос/u,
  /(^|[^\p{L}])(ещ[её] один|второй|отдельный|дополнительный) вопрос/u,
  /(^|[^\p{L}])также хочу спросить/u,
];

const QUESTION_MARK = /[?？]/u;
const LIST_ITEM = /^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-*•–])\s+\S/u;

/** Lines that are not quoted history (e-mail "> " quotes). */
function ownLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').filter((l) => !/^\s*>/.test(l));
}

/** Decides whether a request asks several distinct questions. */
export function detectSeveralQuestions(text: string): QuestionVerdict {
  const lines = ownLines(text);
  const cues: QuestionCue[] = [];

  const listQuestions = lines.filter((l) => LIST_ITEM.test(l) && QUESTION_MARK.test(l)).length;
  if (listQuestions >= 2) cues.push('numbered_questions');

  const paragraphs = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  // Paragraphs that ask something; list items asking questions were counted above.
  const asking = paragraphs.filter((p) => QUESTION_MARK.test(p.split('\n').filter((l) => !LIST_ITEM.test(l)).join('\n'))).length;
  if (asking >= 2) cues.push('question_paragraphs');

  const lower = lines.join('\n').toLowerCase();
  if (ANOTHER_QUESTION.some((re) => re.test(lower))) cues.push('another_question_phrase');

  return { several: cues.length > 0, cues };
}

import { describe, expect, it } from 'vitest';
import { detectSeveralQuestions, type QuestionCue } from './one-question.js';

describe('one question per request', () => {
  it.each<[string, string, QuestionCue[]]>([
    ['one question (en)', 'The export fails with error 42. How do I fix it?', []],
    ['one question over several lines (fr)', 'Bonjour,\nL’export plante au démarrage.\nComment corriger ?\nMerci', []],
    ['steps to reproduce are not questions', 'It crashes.\n\nSteps:\n1. open the app\n2. click Export\n3. it crashes', []],
    ['a question repeated in the same paragraph', 'Why does it crash? Is it a bug?', []],
    ['two asking paragraphs (en)', 'How do I export to CSV?\n\nAlso, why is the licence refused?', ['question_paragraphs']],
    ['two asking paragraphs (es)', '¿Cómo exporto a CSV?\n\n¿Por qué se rechaza la licencia?', ['question_paragraphs']],
    ['two asking paragraphs (ru)', 'Как выгрузить в CSV?\n\nПочему не принимается лицензия?', ['question_paragraphs']],
    ['numbered questions (fr)', 'Bonjour,\n1. Comment exporter en CSV ?\n2. Pourquoi la licence est refusée ?', ['numbered_questions']],
    ['bulleted questions (en)', 'Two things:\n- how to export?\n- how to print?', ['numbered_questions']],
    ['"autre question" (fr)', 'L’export plante. Autre question : la licence expire quand', ['another_question_phrase']],
    ['"otra pregunta" (es)', 'La exportación falla. Otra pregunta: cómo imprimo', ['another_question_phrase']],
    ['"another question" (en)', 'Export fails. Another question: printing is slow', ['another_question_phrase']],
    ['"другой вопрос" (ru)', 'Не работает выгрузка. Другой вопрос: как продлить лицензию', ['another_question_phrase']],
    ['"ещё один вопрос" (ru)', 'Не работает выгрузка. Ещё один вопрос — печать', ['another_question_phrase']],
    ['quoted e-mail history is ignored', 'Thanks, and how do I print?\n\n> How do I export?\n>\n> Why is it slow?', []],
    ['every cue at once', 'How to export?\n\nWhy so slow? Another question:\n1. why?\n2. when?', ['numbered_questions', 'question_paragraphs', 'another_question_phrase']],
  ])('%s', (_name, text, cues) => {
    const v = detectSeveralQuestions(text);
    expect(v.cues).toEqual(cues);
    expect(v.several).toBe(cues.length > 0);
  });
});

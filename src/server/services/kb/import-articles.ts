import { z } from 'zod';
import { Language } from '../../../contracts/enums.js';
import { AppError } from '../../errors/app-error.js';
import { findArticleByExternalId, findCategory } from '../../repositories/kb.repository.js';
import type { ServiceDeps } from '../deps.js';
import { createArticle, setArticleState, updateArticle } from './save-article.js';

/**
 * One line of an import file: the format of the benchmark's docs.jsonl, {"id","title","body","lang"},
 * with optional kind and category (slug). Other fields are ignored.
 */
export const ImportRecord = z.object({
  id: z.string().trim().min(1).max(200),
  title: z.string().max(250),
  body: z.string().max(200_000),
  lang: Language.optional(),
  kind: z.enum(['article', 'faq']).optional(),
  category: z.string().max(80).optional(),
});
/** A record of an import file. */
export type ImportRecord = z.infer<typeof ImportRecord>;

/** A line that was not imported, and why. */
export interface RejectedLine {
  line: number;
  errors: string[];
}

/** What an import did. */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedLine[];
}

/** Options of an import. */
export interface ImportOptions {
  /** Language of records that have none; records naming another language are refused. */
  lang?: string | undefined;
  /** Publish what is imported (else new articles are drafts and existing ones keep their state). */
  publish?: boolean;
  /** Language of the messages in the report (default en). */
  language?: string;
  onProgress?: (linesDone: number) => void;
}

function parseLine(text: string, options: ImportOptions): { record: Omit<ImportRecord, 'lang'> & { lang: string } } | { errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { errors: [`not JSON: ${(e as Error).message}`] };
  }
  const parsed = ImportRecord.safeParse(json);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`) };
  const lang = parsed.data.lang ?? options.lang;
  if (!lang) return { errors: ['lang: missing (give it in the record or with --lang)'] };
  if (options.lang && lang !== options.lang) return { errors: [`lang: the record is in "${lang}", the import is for "${options.lang}"`] };
  if (!parsed.data.title.trim() && !parsed.data.body.trim()) return { errors: ['title and body are both empty'] };
  return { record: { ...parsed.data, lang } };
}

async function upsert(deps: ServiceDeps, record: Omit<ImportRecord, 'lang'> & { lang: string }, options: ImportOptions): Promise<'created' | 'updated' | 'unchanged'> {
  const categoryId = record.category ? ((await findCategory(deps.db, record.category))?.id ?? null) : undefined;
  if (record.category && !categoryId) {
    throw new AppError('unprocessable', { detailKey: 'kb_category_unknown', errors: [{ path: 'category', message: `unknown category "${record.category}"` }] });
  }
  const existing = await findArticleByExternalId(deps.db, record.id, record.lang);
  if (!existing) {
    await createArticle(deps, {
      actor: null,
      lang: record.lang,
      title: record.title,
      body: record.body,
      kind: record.kind,
      categoryId,
      externalId: record.id,
      publish: Boolean(options.publish),
    });
    return 'created';
  }
  const changed = existing.title !== record.title.trim() || existing.bodyMd !== record.body || (record.kind !== undefined && record.kind !== existing.kind) || (categoryId !== undefined && categoryId !== existing.categoryId);
  if (changed) {
    await updateArticle(deps, { actor: null, articleId: existing.id, title: record.title, body: record.body, kind: record.kind, categoryId });
  }
  if (options.publish && existing.state !== 'published') await setArticleState(deps, { actor: null, articleId: existing.id, state: 'published' });
  return changed || (options.publish && existing.state !== 'published') ? 'updated' : 'unchanged';
}

/**
 * Imports articles from JSON lines, upserting by (record id, language): the record id is kept as
 * the article's externalId, and records sharing an id in several languages become translations of
 * one another. Each line is validated on its own; bad lines are reported, the others imported.
 */
export async function importArticles(deps: ServiceDeps, lines: AsyncIterable<string> | Iterable<string>, options: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text) {
      const parsed = parseLine(text, options);
      if ('errors' in parsed) {
        report.rejected.push({ line: n, errors: parsed.errors });
      } else {
        try {
          report[await upsert(deps, parsed.record, options)] += 1;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const fields = (e.options.errors ?? []).map((x) => `${x.path}: ${x.message}`);
          const t = deps.i18n.getFixedT(options.language ?? 'en', 'errors');
          report.rejected.push({ line: n, errors: fields.length ? fields : [e.options.detailKey ? t(e.options.detailKey, e.options.params ?? {}) : e.code] });
        }
      }
    }
    options.onProgress?.(n);
  }
  return report;
}

import { sql, type Kysely } from 'kysely';
import { big, isPostgres, ts } from './column-types.js';

/**
 * Knowledge base: categories (names per language), articles and FAQ entries (a translation group
 * links the languages of one article), their files, the search index (analysed terms in a plain
 * table, indexed by FTS5 on SQLite and by a GIN tsvector on PostgreSQL, with per-term document
 * counts for the ranking), suggestion sessions for deflection, and the ticket full-text index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  const pg = isPostgres(db);
  await db.schema
    .createTable('kb_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('kb_category_names')
    .addColumn('category_id', 'text', (c) => c.notNull().references('kb_categories.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('kb_category_names_pk', ['category_id', 'lang'])
    .execute();

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text')
    .addColumn('translation_group_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('kb_categories.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', t)
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .addUniqueConstraint('kb_articles_lang_slug', ['lang', 'slug'])
    .addUniqueConstraint('kb_articles_group_lang', ['translation_group_id', 'lang'])
    .addUniqueConstraint('kb_articles_external_lang', ['external_id', 'lang'])
    .execute();
  await db.schema.createIndex('kb_articles_category_idx').on('kb_articles').columns(['category_id', 'state', 'lang']).execute();
  await db.schema.createIndex('kb_articles_state_idx').on('kb_articles').columns(['state', 'lang', 'updated_at']).execute();

  await db.schema
    .createTable('kb_article_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_article_files_article_idx').on('kb_article_files').column('article_id').execute();

  // Analysed text of each published article (space-separated terms), read back by the ranking.
  let docs = db.schema.createTable('kb_search_docs');
  if (!pg) docs = docs.addColumn('seq', 'integer', (c) => c.primaryKey());
  await docs
    .addColumn('article_id', 'text', (c) => (pg ? c.primaryKey() : c.notNull().unique()).references('kb_articles.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title_terms', 'text', (c) => c.notNull())
    .addColumn('body_terms', 'text', (c) => c.notNull())
    .addColumn('title_prefixes', 'text', (c) => c.notNull())
    .addColumn('body_prefixes', 'text', (c) => c.notNull())
    .addColumn('title_len', 'integer', (c) => c.notNull())
    .addColumn('body_len', 'integer', (c) => c.notNull())
    // Changes at each indexing, so application nodes can cache the analysed text by (article, version).
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('kb_search_terms')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('df', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_search_terms_pk', ['lang', 'term'])
    .execute();
  await db.schema
    .createTable('kb_search_stats')
    .addColumn('lang', 'text', (c) => c.primaryKey())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .addColumn('title_len', big(db), (c) => c.notNull())
    .addColumn('body_len', big(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kb_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('question_norm', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('results_count', 'integer', (c) => c.notNull())
    .addColumn('shown_article_ids', 'text', (c) => c.notNull())
    .addColumn('opened_article_id', 'text', (c) => c.references('kb_articles.id').onDelete('set null'))
    .addColumn('opened_at', t)
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('ticket_filed_at', t)
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_sessions_week_idx').on('kb_sessions').columns(['week', 'lang']).execute();
  await db.schema.createIndex('kb_sessions_ticket_idx').on('kb_sessions').column('ticket_id').execute();

  // Ticket full-text index: what customers may see, and internal notes, as analysed terms.
  let tickets = db.schema.createTable('ticket_search');
  if (!pg) tickets = tickets.addColumn('seq', 'integer', (c) => c.primaryKey());
  await tickets
    .addColumn('ticket_id', 'text', (c) => (pg ? c.primaryKey() : c.notNull().unique()).references('tickets.id').onDelete('cascade'))
    .addColumn('public_terms', 'text', (c) => c.notNull())
    .addColumn('internal_terms', 'text', (c) => c.notNull())
    .execute();

  if (pg) await postgresIndexes(db);
  else await sqliteIndexes(db);
}

async function postgresIndexes(db: Kysely<any>): Promise<void> {
  await sql`alter table kb_search_docs add column tsv tsvector generated always as
    (setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B')) stored`.execute(db);
  // Articles change rarely and are searched on every keystroke: no pending list (fastupdate), which a
  // search would otherwise scan whole after each bulk import until the next vacuum. No index on lang:
  // the planner would prefer it to the GIN index while one language dominates.
  await sql`create index kb_search_docs_tsv_idx on kb_search_docs using gin (tsv) with (fastupdate = off)`.execute(db);
  await sql`alter table ticket_search add column public_tsv tsvector generated always as (to_tsvector('simple', public_terms)) stored`.execute(db);
  await sql`alter table ticket_search add column all_tsv tsvector generated always as
    (to_tsvector('simple', public_terms || ' ' || internal_terms)) stored`.execute(db);
  await sql`create index ticket_search_public_idx on ticket_search using gin (public_tsv)`.execute(db);
  await sql`create index ticket_search_all_idx on ticket_search using gin (all_tsv)`.execute(db);
}

/** FTS5 tables kept in step with the plain tables by triggers (external content, stable integer keys). */
async function sqliteIndexes(db: Kysely<any>): Promise<void> {
  const fts = async (name: string, table: string, columns: string[]): Promise<void> => {
    const cols = columns.join(', ');
    const news = columns.map((c) => `new.${c}`).join(', ');
    const olds = columns.map((c) => `old.${c}`).join(', ');
    // The terms are already analysed (lower case, folded, stemmed): the tokenizer only splits on spaces
    // and must not fold again (it would turn the Cyrillic й into и).
    await sql.raw(`create virtual table ${name} using fts5(${cols}, content='${table}', content_rowid='seq', tokenize="unicode61 remove_diacritics 0")`).execute(db);
    await sql.raw(`create trigger ${table}_ai after insert on ${table} begin insert into ${name}(rowid, ${cols}) values (new.seq, ${news}); end`).execute(db);
    await sql.raw(`create trigger ${table}_ad after delete on ${table} begin insert into ${name}(${name}, rowid, ${cols}) values ('delete', old.seq, ${olds}); end`).execute(db);
    await sql
      .raw(
        `create trigger ${table}_au after update on ${table} begin insert into ${name}(${name}, rowid, ${cols}) values ('delete', old.seq, ${olds}); ` +
          `insert into ${name}(rowid, ${cols}) values (new.seq, ${news}); end`,
      )
      .execute(db);
  };
  await fts('kb_fts', 'kb_search_docs', ['title_terms', 'body_terms']);
  await fts('ticket_fts', 'ticket_search', ['public_terms', 'internal_terms']);
  await db.schema.createIndex('kb_search_docs_lang_idx').on('kb_search_docs').column('lang').execute();
}

/** Drops the knowledge base and the ticket search index. */
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`drop table if exists ticket_fts`.execute(db);
    await sql`drop table if exists kb_fts`.execute(db);
  }
  for (const table of ['ticket_search', 'kb_sessions', 'kb_search_stats', 'kb_search_terms', 'kb_search_docs', 'kb_article_files', 'kb_articles', 'kb_category_names', 'kb_categories']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

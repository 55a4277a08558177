import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, multipart, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let agent: TestUser;
let customer: TestUser;
const ids: Record<string, string> = {};

const ARTICLES = {
  en: { title: 'The PDF export cuts the invoice footer', body: 'In **Gestio Compta 11.2.2** the footer of invoices longer than one page is cut when exported to PDF. Reduce the bottom margin to 12 mm, or install update 11.2.3.' },
  fr: { title: "L'export PDF coupe le pied de page des factures", body: "Dans Gestio Compta 11.2.2, le pied de page des factures de plus d'une page est coupé à l'export PDF. Réduisez la marge basse à 12 mm ou installez la mise à jour 11.2.3." },
  es: { title: 'La exportación a PDF corta el pie de página de las facturas', body: 'En Gestio Compta 11.2.2 el pie de página de las facturas de más de una página se corta al exportar a PDF. Reduzca el margen inferior a 12 mm o instale la actualización 11.2.3.' },
  ru: { title: 'При экспорте в PDF обрезается нижний колонтитул счёта', body: 'В Gestio Compta 11.2.2 нижний колонтитул счетов длиннее одной страницы обрезается при экспорте в PDF. Уменьшите нижнее поле до 12 мм или установите обновление 11.2.3.' },
} as const;

const OTHER = {
  en: { title: 'Back up an Atelier Studio project', body: 'Atelier Studio saves a backup of the project every thirty minutes in the backups folder. Use File > Export project archive for a manual copy.' },
  fr: { title: 'Sauvegarder un projet Atelier Studio', body: 'Atelier Studio enregistre une sauvegarde du projet toutes les trente minutes dans le dossier backups.' },
  es: { title: 'Copia de seguridad de un proyecto de Atelier Studio', body: 'Atelier Studio guarda una copia de seguridad del proyecto cada treinta minutos en la carpeta backups.' },
  ru: { title: 'Резервная копия проекта Atelier Studio', body: 'Atelier Studio сохраняет резервную копию проекта каждые тридцать минут в папке backups.' },
} as const;

beforeAll(async () => {
  rt = await createTestRuntime();
  agent = await makeUser(rt.deps, { role: 'agent', language: 'fr' });
  customer = await makeUser(rt.deps, { org: 'Acme', language: 'fr' });
  let first: string | undefined;
  let firstBackup: string | undefined;
  for (const lang of ['en', 'fr', 'es', 'ru'] as const) {
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang, ...ARTICLES[lang], kind: 'faq', translationOf: first, publish: true } });
    expect(res.statusCode).toBe(201);
    ids[`pdf-${lang}`] = res.json().id;
    first ??= res.json().id;
    const other = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang, ...OTHER[lang], translationOf: firstBackup, publish: true } });
    expect(other.statusCode).toBe(201);
    ids[`backup-${lang}`] = other.json().id;
    firstBackup ??= other.json().id;
  }
});
afterAll(async () => rt?.dispose());

const suggest = (query: string, user: TestUser | null = null) => as(rt.app, user, { method: 'GET', url: `/api/v1/kb/suggest?${query}` });

describe('articles', () => {
  it('renders Markdown to sanitized HTML and links the translations', async () => {
    const res = await as(rt.app, agent, { method: 'GET', url: `/api/v1/kb/articles/${ids['pdf-en']}` });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.bodyHtml).toContain('<strong>Gestio Compta 11.2.2</strong>');
    expect(a.url).toMatch(/\/kb\/en\/articles\/the-pdf-export-cuts-the-invoice-footer$/);
    expect(a.translations.map((t: { lang: string }) => t.lang).sort()).toEqual(['es', 'fr', 'ru']);
  });

  it('never renders raw HTML or script links from Markdown', async () => {
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'Unsafe', body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().bodyHtml).not.toMatch(/<script|href="javascript:|<img[^>]*onerror/);
    expect(res.json().state).toBe('draft');
  });

  it('refuses a second version in the same language, a taken slug, an unknown category', async () => {
    const dup = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'fr', title: 'Autre', body: 'x', translationOf: ids['pdf-en'] } });
    expect(dup.statusCode).toBe(409);
    const slug = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'Other', body: 'x', slug: 'the-pdf-export-cuts-the-invoice-footer' } });
    expect(slug.statusCode).toBe(409);
    const cat = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'Other', body: 'x', categoryId: 'nope' } });
    expect(cat.statusCode).toBe(422);
  });

  it('is written by agents only', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'Mine', body: 'x' } });
    expect(res.statusCode).toBe(403);
    expect((await as(rt.app, null, { method: 'GET', url: '/api/v1/kb/articles' })).statusCode).toBe(401);
  });

  it('appears in search when published and leaves it when back to draft', async () => {
    const made = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'Zebra licence keys', body: 'Zebra keys unlock the zoo module.' } });
    const id = made.json().id;
    expect((await suggest('q=zebra%20keys&lang=en')).json().results).toEqual([]);
    expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/kb/articles/${id}/publish` })).json().state).toBe('published');
    expect((await suggest('q=zebra%20keys&lang=en')).json().results[0].id).toBe(id);
    const changed = await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/kb/articles/${id}`, payload: { body: 'Giraffe keys unlock the zoo module.' } });
    expect(changed.statusCode).toBe(200);
    expect((await suggest('q=giraffe&lang=en')).json().results[0].id).toBe(id);
    expect((await suggest('q=zebra%20module&lang=en')).json().results[0].id).toBe(id);
    await as(rt.app, agent, { method: 'POST', url: `/api/v1/kb/articles/${id}/unpublish` });
    expect((await suggest('q=giraffe&lang=en')).json().results).toEqual([]);
    expect((await as(rt.app, agent, { method: 'DELETE', url: `/api/v1/kb/articles/${id}` })).statusCode).toBe(204);
    expect((await as(rt.app, agent, { method: 'GET', url: `/api/v1/kb/articles/${id}` })).statusCode).toBe(404);
  });

  it('stores images through the blob store and serves them once the article is published', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const draft = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'With a screenshot', body: 'See below.' } });
    const id = draft.json().id;
    const up = multipart({}, [{ filename: 'screen.png', contentType: 'image/png', data: png }]);
    const res = await as(rt.app, agent, { method: 'POST', url: `/api/v1/kb/articles/${id}/files`, payload: up.payload, headers: up.headers });
    expect(res.statusCode).toBe(201);
    const file = res.json().files[0];
    expect(file.markdown).toMatch(/^!\[screen\.png\]\(\/kb\/files\/.+\/screen\.png\)$/);
    const path = file.url.replace(rt.config.publicUrl, '');
    expect((await rt.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await as(rt.app, agent, { method: 'GET', url: path })).statusCode).toBe(200);
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/kb/articles/${id}`, payload: { body: `See below.\n\n${file.markdown}` } });
    await as(rt.app, agent, { method: 'POST', url: `/api/v1/kb/articles/${id}/publish` });
    const pub = await rt.app.inject({ method: 'GET', url: path });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/png');
    expect(pub.rawPayload.equals(png)).toBe(true);
    const page = await rt.app.inject({ method: 'GET', url: '/kb/en/articles/with-a-screenshot' });
    expect(page.body).toContain(`<img src="${file.markdown.match(/\((.+)\)/)![1]}"`);
  });

  it('gives agents a link for the reply composer, in the reply language when translated', async () => {
    const res = await as(rt.app, agent, { method: 'GET', url: `/api/v1/kb/articles/${ids['pdf-en']}/link?lang=ru` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids['pdf-ru'], lang: 'ru', title: ARTICLES.ru.title });
    expect(res.json().markdown).toBe(`[${ARTICLES.ru.title}](${res.json().url})`);
  });
});

describe('suggestions', () => {
  it.each([
    ['en', 'Why is the footer of my PDF invoice cut off?', 'pdf-en'],
    ['fr', 'Pourquoi le pied de page de mes factures est coupé en PDF ?', 'pdf-fr'],
    ['es', '¿Por qué se corta el pie de página de mis facturas en PDF?', 'pdf-es'],
    ['ru', 'Почему при экспорте счёта в PDF обрезается колонтитул?', 'pdf-ru'],
    ['ru', 'как сделать резервную копию проекта', 'backup-ru'],
    ['fr', 'ou sont les sauvegardes de mon projet', 'backup-fr'],
  ])('%s: "%s" finds its article first, with a highlighted snippet', async (lang, q, key) => {
    const res = await suggest(`q=${encodeURIComponent(q)}&lang=${lang}&limit=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.lang).toBe(lang);
    expect(body.results[0]).toMatchObject({ id: ids[key] });
    expect(body.results[0].snippet).toContain('<mark>');
    expect(body.results[0].url).toContain(`/kb/${lang}/articles/`);
    expect(typeof body.results[0].score).toBe('number');
  });

  it('detects the language when the UI does not say', async () => {
    const res = await suggest(`q=${encodeURIComponent('Почему обрезается нижний колонтитул счёта в PDF')}`);
    expect(res.json().lang).toBe('ru');
    expect(res.json().results[0].id).toBe(ids['pdf-ru']);
  });

  it('answers in the language typed when the portal language finds nothing', async () => {
    const res = await suggest(`q=${encodeURIComponent('резервная копия проекта')}&lang=fr`);
    expect(res.json().lang).toBe('ru');
    expect(res.json().results[0].id).toBe(ids['backup-ru']);
  });

  it('tolerates a typo', async () => {
    const res = await suggest(`q=${encodeURIComponent('invoice foter')}&lang=en`);
    expect(res.json().results[0].id).toBe(ids['pdf-en']);
  });

  it.each([
    ['empty', 'q=&lang=en'],
    ['no q at all', 'lang=fr'],
    ['10,000 characters', `q=${'invoice '.repeat(1250)}&lang=en`],
    ['only punctuation', `q=${encodeURIComponent('?!... ,;')}&lang=en`],
    ['a quote', `q=${encodeURIComponent('"')}&lang=en`],
    ['a star', `q=${encodeURIComponent('*')}&lang=fr`],
    ['NEAR', `q=${encodeURIComponent('NEAR(footer invoice)')}&lang=en`],
    ['a colon', `q=${encodeURIComponent('title: footer')}&lang=en`],
    ['FTS syntax all at once', `q=${encodeURIComponent('"footer" * NEAR(a b) body: OR AND NOT ^x')}&lang=en`],
    ['SQL', `q=${encodeURIComponent("'; drop table kb_articles; --")}&lang=en`],
    ['mixed scripts', `q=${encodeURIComponent('PDF колонтитул footer 脚注 😀')}&lang=ru`],
    ['an unknown language', `q=footer&lang=de`],
    ['a silly language', `q=footer&lang=${encodeURIComponent('"; x')}`],
  ])('answers %s sensibly (never a 500)', async (_name, query) => {
    const res = await suggest(query);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Array.isArray(body.results)).toBe(true);
    expect(['fr', 'es', 'en', 'ru']).toContain(body.lang);
  });

  it('refuses a question longer than 10,000 characters and a bad limit with 400', async () => {
    expect((await suggest(`q=${'a'.repeat(10_001)}`)).statusCode).toBe(400);
    expect((await suggest('q=footer&limit=0')).statusCode).toBe(400);
    expect((await suggest('q=footer&limit=abc')).statusCode).toBe(400);
  });

  it('still finds the answer inside a 10,000-character paste', async () => {
    const res = await suggest(`q=${encodeURIComponent(`PDF invoice footer cut ${'x'.repeat(9900)}`)}&lang=en`);
    expect(res.json().results[0].id).toBe(ids['pdf-en']);
  });
});

describe('deflection', () => {
  it('records one session per question, the articles shown and opened, and the request filed after', async () => {
    const first = (await suggest('q=pied%20de%20page&lang=fr', customer)).json();
    expect(first.sessionId).toBeTruthy();
    const second = (await suggest(`q=${encodeURIComponent('pied de page coupé PDF')}&lang=fr&session=${first.sessionId}`, customer)).json();
    expect(second.sessionId).toBe(first.sessionId);
    const opened = await as(rt.app, customer, { method: 'POST', url: `/api/v1/kb/sessions/${first.sessionId}/opened`, payload: { articleId: ids['pdf-fr'] } });
    expect(opened.statusCode).toBe(204);
    const ticket = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Pied de page coupé', body: "L'article ne m'a pas aidé.", kbSessionId: first.sessionId } });
    expect(ticket.statusCode).toBe(201);
    const seen = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${ticket.json().id}/suggested-articles` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().question).toBe('pied de page coupé PDF');
    expect(seen.json().shownBeforeFiling).toContainEqual(expect.objectContaining({ id: ids['pdf-fr'], opened: true }));
    expect(seen.json().results[0].id).toBe(ids['pdf-fr']);
    const history = JSON.stringify((await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${ticket.json().id}/history` })).json());
    expect(history).toContain('kb_articles_shown');
    const customerHistory = JSON.stringify((await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${ticket.json().id}/history` })).json());
    expect(customerHistory).not.toContain('kb_articles_shown');
    // A session already followed by a request starts a new one.
    const again = (await suggest(`q=footer&lang=en&session=${first.sessionId}`, customer)).json();
    expect(again.sessionId).not.toBe(first.sessionId);
  });

  it('ignores an unknown session when a request is filed', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', kbSessionId: '01900000-0000-7000-8000-000000000000' } });
    expect(res.statusCode).toBe(201);
    expect((await as(rt.app, customer, { method: 'POST', url: '/api/v1/kb/sessions/nope/opened', payload: { articleId: ids['pdf-fr'] } })).statusCode).toBe(404);
  });

  it('does not record agents searching', async () => {
    expect((await suggest('q=footer&lang=en', agent)).json().sessionId).toBeNull();
  });

  it('reports the deflection rate by week and language, and questions that found nothing', async () => {
    for (let i = 0; i < 3; i++) await suggest(`q=${encodeURIComponent('comment changer la couleur du thème')}&lang=fr`);
    await suggest('q=backup&lang=en');
    const res = await as(rt.app, agent, { method: 'GET', url: '/api/v1/kb/reports/deflection?from=2027-02-22&to=2027-03-07' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const fr = report.weeks.find((w: { week: string; lang: string }) => w.week === '2027-03-01' && w.lang === 'fr');
    expect(fr.ticketsFiled).toBe(1);
    expect(fr.sessions).toBeGreaterThanOrEqual(fr.withResults);
    expect(fr.deflected).toBe(fr.withResults - fr.ticketsFiled);
    expect(fr.deflectionRate).toBeCloseTo(fr.deflected / fr.withResults, 3);
    const en = report.weeks.find((w: { lang: string }) => w.lang === 'en');
    expect(en.deflected).toBeGreaterThanOrEqual(1);
    expect(report.unanswered[0]).toMatchObject({ question: 'comment changer la couleur du thème', lang: 'fr', count: 3 });
    expect((await as(rt.app, customer, { method: 'GET', url: '/api/v1/kb/reports/deflection' })).statusCode).toBe(403);
  });
});

describe('answered by the documentation', () => {
  it('replies with the article in the ticket language, marks the ticket and solves it', async () => {
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Sauvegarde', body: 'Où sont mes sauvegardes ?', language: 'fr' } })).json();
    const res = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/answer-with-article`, payload: { articleId: ids['backup-en'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('solved');
    const row = await rt.deps.db.selectFrom('tickets').select('answeredByArticleId').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.answeredByArticleId).toBe(ids['backup-fr']);
    const thread = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items;
    const reply = thread[thread.length - 1];
    expect(reply.kind).toBe('reply');
    expect(reply.bodyText).toContain('/kb/fr/articles/sauvegarder-un-projet-atelier-studio');
    expect(reply.bodyText).toContain('Bonjour');
    const history = JSON.stringify((await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json());
    expect(history).toContain('answeredByArticleId');
  });

  it('refuses a ticket that cannot be solved, without posting anything', async () => {
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y' } })).json();
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { state: 'solved' } });
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { state: 'closed' } });
    const res = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/answer-with-article`, payload: { articleId: ids['pdf-en'] } });
    expect(res.statusCode).toBe(409);
    const thread = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items;
    // The customer's message and the acceptance confirmation (intake), nothing posted by the refusal.
    expect(thread.map((m: { kind: string }) => m.kind)).toEqual(['customer', 'system']);
    expect((await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/answer-with-article`, payload: { articleId: ids['pdf-en'] } })).statusCode).toBe(403);
  });
});

describe('categories', () => {
  it('are created with names per language and listed publicly', async () => {
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/categories', payload: { slug: 'invoices', names: { fr: { name: 'Factures' }, en: { name: 'Invoices', description: 'Printing and exporting invoices' } } } });
    expect(res.statusCode).toBe(201);
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/kb/articles/${ids['pdf-fr']}`, payload: { categoryId: res.json().id } });
    const list = (await rt.app.inject({ method: 'GET', url: '/api/v1/kb/categories' })).json().items;
    expect(list.find((c: { slug: string }) => c.slug === 'invoices')).toMatchObject({ names: { fr: { name: 'Factures' } }, articleCount: 1 });
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/categories', payload: { slug: 'invoices', names: { fr: { name: 'X' } } } })).statusCode).toBe(409);
  });
});

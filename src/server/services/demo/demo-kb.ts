import { findUserByEmail } from '../../repositories/users.repository.js';
import { ManualClock } from '../../ports/clock.js';
import { actorFromUser } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { createCategory } from '../kb/categories.js';
import { createArticle } from '../kb/save-article.js';
import { recordArticleOpened, suggestArticles } from '../kb/suggest-articles.js';
import { createTicket } from '../tickets/create-ticket.js';
import { DEMO_KB_CATEGORIES } from './demo-kb-categories.js';
import { DEMO_KB_COMPTA } from './demo-kb-compta.js';
import { DEMO_KB_STUDIO } from './demo-kb-studio.js';

const LANGS = ['fr', 'es', 'en', 'ru'] as const;
const DAY = 86_400_000;

/** Questions typed on the portal in the demo: some find an article, some find nothing. */
const DEMO_QUESTIONS: Record<(typeof LANGS)[number], string[]> = {
  fr: [
    "Atelier Studio se ferme quand j'ouvre mon projet",
    'erreur 0x80070643 installation',
    'la TVA de la CA3 ne correspond pas au grand livre',
    'export pdf facture pied de page coupé',
    'comment changer la couleur du thème sombre',
    'base de données verrouillée après mise à jour',
    'comment changer la couleur du thème sombre',
    'délai de réponse du support',
  ],
  es: ['la exportación a PDF corta el pie de página', 'base de datos bloqueada', 'cómo activo la autenticación de dos factores', 'integración con TPV de la tienda física'],
  en: ['how do I back up my project', 'import bank statements OFX', 'does my contract cover version 29', 'keyboard shortcuts for refactoring'],
  ru: ['Atelier Studio закрывается при открытии проекта', 'как добавить пользователя', 'ошибка лицензии при запуске', 'импорт выписки из банка'],
};

async function loadCategories(deps: ServiceDeps): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, c] of DEMO_KB_CATEGORIES.entries()) {
    const made = await createCategory(deps, { actor: null, slug: c.slug, position: i, names: { fr: { name: c.fr }, es: { name: c.es }, en: { name: c.en }, ru: { name: c.ru } } });
    ids.set(c.slug, made.id);
  }
  return ids;
}

async function loadArticles(deps: ServiceDeps, categories: Map<string, string>, authorEmail: string): Promise<void> {
  const author = await findUserByEmail(deps.db, authorEmail);
  const actor = author ? actorFromUser(author) : null;
  for (const [i, a] of [...DEMO_KB_STUDIO, ...DEMO_KB_COMPTA].entries()) {
    let first: string | undefined;
    for (const lang of LANGS) {
      const made = await createArticle(deps, {
        actor,
        lang,
        title: a[lang].title,
        body: a[lang].body,
        kind: a.kind,
        categoryId: categories.get(a.category) ?? null,
        position: i,
        translationOf: first,
        publish: true,
      });
      first ??= made.id;
    }
  }
}

/** Suggestion sessions over the past weeks (some followed by a request) so the deflection report has figures. */
async function loadSessions(deps: ServiceDeps): Promise<void> {
  const now = deps.clock.now().getTime();
  const clock = new ManualClock(now);
  const past: ServiceDeps = { ...deps, clock };
  const customers = { fr: 'marie@durand-associes.example', es: 'lucia@ferreteria-sol.example', en: 'john@baltic-logistics.example', ru: 'ivan@baltic-logistics.example' } as const;
  let n = 0;
  for (let week = 5; week >= 0; week--) {
    for (const lang of LANGS) {
      for (const [k, q] of DEMO_QUESTIONS[lang].entries()) {
        if ((week + k) % 3 === 2) continue;
        n += 1;
        clock.set(now - week * 7 * DAY - (n % 5) * DAY - 3_600_000);
        const done = await suggestArticles(past, { actor: null, q, lang, fallbackLang: lang, limit: 5 });
        if (done.results[0] && n % 2 === 0) await recordArticleOpened(past, { sessionId: done.sessionId!, articleId: done.results[0].id });
        if (n % 7 === 0 && done.sessionId) {
          const user = await findUserByEmail(deps.db, customers[lang]);
          if (user) await createTicket(past, { actor: actorFromUser(user), subject: q, body: `${q}\n\n(${done.results.length ? 'Article read, problem still there.' : 'Nothing found in the help centre.'})`, defaultChannel: 'web', kbSessionId: done.sessionId });
        }
      }
    }
  }
}

/**
 * The knowledge base of the demo vendor: seed 003's categories, articles and FAQ entries about
 * Atelier Studio and Gestio Compta in four languages (translations linked), and six weeks of
 * suggestion sessions. Does nothing when categories exist.
 */
export async function loadKbDemo(deps: ServiceDeps, options: { authorEmail: string }): Promise<void> {
  const existing = await deps.db.selectFrom('kbCategories').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const categories = await loadCategories(deps);
  await loadArticles(deps, categories, options.authorEmail);
  await loadSessions(deps);
}

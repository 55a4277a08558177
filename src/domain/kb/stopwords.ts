/**
 * Function words per language: articles, prepositions, pronouns, auxiliaries, conjunctions and the
 * words that make a sentence a question ("how many", "which"). They say nothing about which article
 * answers a question, so the analysis drops them before stemming. Written for Guichet; compared on
 * their accent-folded lower-case form.
 */
const RAW: Record<'fr' | 'es' | 'en' | 'ru', string> = {
  fr: `
    a à au aux avec ce ceci cela ça ces cet cette ceux celle celles celui chez comme dans de des du elle elles
    en et eu eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne ni nos notre nous on ou où
    par pas pour qu que quel quelle quelles quels qui quoi sa sans se ses si son sur ta te tes toi ton tu un une
    vos votre vous y d l j m n s t c est sont été être était étaient fut furent sera seront serait ont avait
    avaient avoir ai as avons avez eut aura auront aurait fait faire font lequel laquelle lesquels lesquelles
    duquel auquel auxquels dont combien comment pourquoi quand alors aussi donc or car puis lors selon entre
    vers afin ainsi cependant chaque plus moins très peu tout tous toute toutes autre autres quelque quelques
    peut-on peut peuvent pouvait pu doit doivent dit dite dits
  `,
  es: `
    a al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde durante e el
    ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este esto estos fue fueron ha han
    hasta hay la las le les lo los mas me mi mis muy más ni no nos o os otra otras otro otros para pero por
    porque que qué quien quienes quién se sea ser si sido sin sobre son su sus también tanto te tiene tienen
    tu un una uno unos unas y ya cuál cuáles cuándo dónde cómo cuánto cuánta cuántos cuántas estaba estaban
    había habían haber hace hizo será serán sería está están estar puede pueden podía yo él
  `,
  en: `
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    s t also many much whose
  `,
  ru: `
    а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее
    её ей ему если есть еще ещё же за здесь и из или им их к как какая какие каким какими какого какое какой
    каком какую когда кого который которая которое которые котором которой которых кто ли либо мне может
    мы на над не него нее неё нет ни них но ну о об однако он она они оно от очень по под при с со так также
    такой там те тем то того тоже той только том ты у уже чем что чтобы чей чья чьи эта эти это этого этой
    этом этот я сколько почему зачем куда откуда каков какова каковы
  `,
};

/**
 * Folds a word: lower case, no diacritics on Latin letters (é → e, ñ → n), ё as е. Cyrillic й keeps
 * its breve: it is a letter of its own, not an accented и.
 */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
}

/** The stopword set of each language (accent-folded). */
export const STOPWORDS: Record<'fr' | 'es' | 'en' | 'ru', ReadonlySet<string>> = Object.fromEntries(
  Object.entries(RAW).map(([lang, text]) => [lang, new Set(text.split(/\s+/).filter(Boolean).map(foldWord))]),
) as unknown as Record<'fr' | 'es' | 'en' | 'ru', ReadonlySet<string>>;

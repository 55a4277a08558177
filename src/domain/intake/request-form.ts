/**
 * The standard request (the seeds' normalising tool): the fields a product's request form asks for,
 * their types and required flags, the fixed order agents see them in, and what a request still lacks.
 * Pure: no I/O, no clock.
 */

/** How a field is entered and checked. */
export const FIELD_TYPES = ['text', 'longtext', 'choice', 'version', 'email', 'phone', 'licence', 'files'] as const;
/** A field type. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of a request form. */
export interface RequestField {
  key: string;
  type: FieldType;
  required: boolean;
  /** The values of a choice field. */
  options?: string[];
}

/** How often the problem happens. */
export const FREQUENCIES = ['once', 'sometimes', 'always'] as const;
/** How bad the problem is. */
export const CRITICALITIES = ['blocking', 'major', 'minor', 'question'] as const;

/**
 * The standard fields in the fixed order agents read them. `product` is the product the form
 * belongs to; `summary` is the ticket's subject and `description` its first message.
 */
export const STANDARD_FIELDS: readonly RequestField[] = [
  { key: 'summary', type: 'text', required: true },
  { key: 'description', type: 'longtext', required: true },
  { key: 'product', type: 'choice', required: true },
  { key: 'version', type: 'version', required: true },
  { key: 'criticality', type: 'choice', required: true, options: [...CRITICALITIES] },
  { key: 'frequency', type: 'choice', required: true, options: [...FREQUENCIES] },
  { key: 'steps', type: 'longtext', required: true },
  { key: 'contactName', type: 'text', required: true },
  { key: 'contactEmail', type: 'email', required: true },
  { key: 'contactPhone', type: 'phone', required: true },
  { key: 'licenceNumber', type: 'licence', required: false },
  { key: 'attachments', type: 'files', required: false },
];

const STANDARD_BY_KEY = new Map(STANDARD_FIELDS.map((f) => [f.key, f]));
/** Fields every request has whatever the form says (the subject and the text). */
const ALWAYS_REQUIRED = new Set(['summary', 'description', 'product']);

/** Whether a key is one of the standard fields. */
export function isStandardKey(key: string): boolean {
  return STANDARD_BY_KEY.has(key);
}

/** The default form of a product: every standard field with its default required flag. */
export function defaultRequestForm(): RequestField[] {
  return STANDARD_FIELDS.map((f) => ({ ...f, ...(f.options ? { options: [...f.options] } : {}) }));
}

/** A problem with a form definition, naming the field. */
export interface FormProblem {
  path: string;
  message: string;
}

const KEY = /^[a-z][A-Za-z0-9_]{0,39}$/;

/**
 * Checks a form an admin configures: unique well-formed keys; standard fields keep their type and
 * options; summary, description and product are always present and required; a choice field has
 * options. Returns the problems (empty when valid).
 */
export function checkRequestForm(fields: readonly RequestField[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const path = `fields.${i}`;
    if (!KEY.test(f.key)) problems.push({ path: `${path}.key`, message: 'letters, digits and _ only, starting with a lower-case letter' });
    if (seen.has(f.key)) problems.push({ path: `${path}.key`, message: `"${f.key}" appears twice` });
    seen.add(f.key);
    const std = STANDARD_BY_KEY.get(f.key);
    if (std) {
      if (std.type !== f.type) problems.push({ path: `${path}.type`, message: `the standard field "${f.key}" is of type ${std.type}` });
      if (ALWAYS_REQUIRED.has(f.key) && !f.required) problems.push({ path: `${path}.required`, message: `"${f.key}" is always required` });
      if (std.options && f.options && f.options.join('|') !== std.options.join('|')) problems.push({ path: `${path}.options`, message: `the options of "${f.key}" are fixed: ${std.options.join(', ')}` });
    } else {
      if (f.type === 'choice' && (!f.options || f.options.length === 0)) problems.push({ path: `${path}.options`, message: 'a choice field needs options' });
      if (f.type === 'version') problems.push({ path: `${path}.type`, message: 'only the standard "version" field lists the product versions' });
    }
    if (f.options && new Set(f.options).size !== f.options.length) problems.push({ path: `${path}.options`, message: 'options must be distinct' });
  });
  for (const key of ALWAYS_REQUIRED) if (!seen.has(key)) problems.push({ path: 'fields', message: `"${key}" must be in the form` });
  return problems;
}

/** Puts a form in the fixed order: standard fields in their order, then the product's own fields as given. */
export function orderFields<T extends { key: string }>(fields: readonly T[]): T[] {
  const rank = (k: string) => {
    const i = STANDARD_FIELDS.findIndex((f) => f.key === k);
    return i === -1 ? STANDARD_FIELDS.length : i;
  };
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.key) - rank(b.f.key) || a.i - b.i)
    .map((x) => x.f);
}

/** A request's values: field key → text (absent or blank: not given). `attachments` is a count. */
export type RequestValues = Readonly<Record<string, string | undefined>>;

/** What the values are checked against. */
export interface RequestContext {
  /** The versions of the request's product (empty when no product is known). */
  versions: readonly string[];
  /** How many files came with the request. */
  attachmentCount: number;
}

/** A value that is given but wrong (not a version of the product, not an e-mail address...). */
export interface ValueProblem {
  key: string;
  problem: 'not_a_version' | 'not_an_option' | 'not_an_email' | 'not_a_phone' | 'too_long' | 'unknown_field';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().\-/]{3,31}$/;

function given(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

/** The given values that are wrong for their field. Unknown keys are reported too. */
export function invalidValues(fields: readonly RequestField[], values: RequestValues, ctx: RequestContext): ValueProblem[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: ValueProblem[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (!given(raw)) continue;
    const f = byKey.get(key) ?? (key === 'product' || key === 'summary' || key === 'description' ? STANDARD_BY_KEY.get(key) : undefined);
    if (!f) {
      out.push({ key, problem: 'unknown_field' });
      continue;
    }
    const v = raw.trim();
    if (f.type !== 'longtext' && v.length > 500) out.push({ key, problem: 'too_long' });
    else if (f.type === 'version' && !ctx.versions.includes(v)) out.push({ key, problem: 'not_a_version' });
    else if (f.type === 'choice' && f.key !== 'product' && f.options && !f.options.includes(v)) out.push({ key, problem: 'not_an_option' });
    else if (f.type === 'email' && !EMAIL.test(v)) out.push({ key, problem: 'not_an_email' });
    else if (f.type === 'phone' && !PHONE.test(v)) out.push({ key, problem: 'not_a_phone' });
  }
  return out;
}

/** The required fields a request lacks, in the form's fixed order. */
export function missingFields(fields: readonly RequestField[], values: RequestValues, ctx: RequestContext): string[] {
  return orderFields(fields)
    .filter((f) => f.required)
    .filter((f) => (f.type === 'files' ? ctx.attachmentCount === 0 : !given(values[f.key])))
    .map((f) => f.key);
}

/** Completeness of a request: what is missing, and whether nothing is. */
export function completeness(fields: readonly RequestField[], values: RequestValues, ctx: RequestContext): { missing: string[]; complete: boolean } {
  const missing = missingFields(fields, values, ctx);
  return { missing, complete: missing.length === 0 };
}

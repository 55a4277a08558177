import { describe, expect, it } from 'vitest';
import { checkRequestForm, completeness, defaultRequestForm, invalidValues, orderFields, type RequestField, type RequestValues } from './request-form.js';

const full: RequestValues = {
  summary: 'Crash on export',
  description: 'The app crashes when exporting.',
  product: 'p1',
  version: '28.0.412',
  criticality: 'major',
  frequency: 'always',
  steps: '1. open 2. export',
  contactName: 'Ana',
  contactEmail: 'ana@example.org',
  contactPhone: '+34 600 000 000',
};
const ctx = { versions: ['28.0.412', '29.0.1'], attachmentCount: 0 };
const form = defaultRequestForm();

describe('completeness of a request', () => {
  it.each<[string, RequestValues, RequestField[], number, string[]]>([
    ['a full request is complete', full, form, 0, []],
    ['nothing given: every required field, in the fixed order', { summary: 'x', description: 'y' }, form, 0, ['product', 'version', 'criticality', 'frequency', 'steps', 'contactName', 'contactEmail', 'contactPhone']],
    ['blank values count as missing', { ...full, steps: '   ', contactPhone: '' }, form, 0, ['steps', 'contactPhone']],
    ['optional fields are never missing', { ...full, licenceNumber: undefined }, form, 0, []],
    ['required attachments need a file', full, form.map((f) => (f.key === 'attachments' ? { ...f, required: true } : f)), 0, ['attachments']],
    ['required attachments with a file', full, form.map((f) => (f.key === 'attachments' ? { ...f, required: true } : f)), 2, []],
    ['a product field the admin made required', full, [...form, { key: 'database', type: 'choice', required: true, options: ['hfsql', 'mysql'] }], 0, ['database']],
    ['a field the admin made optional', { ...full, contactPhone: undefined }, form.map((f) => (f.key === 'contactPhone' ? { ...f, required: false } : f)), 0, []],
  ])('%s', (_name, values, fields, attachmentCount, missing) => {
    const r = completeness(fields, values, { ...ctx, attachmentCount });
    expect(r.missing).toEqual(missing);
    expect(r.complete).toBe(missing.length === 0);
  });
});

describe('invalid values', () => {
  it.each<[string, RequestValues, Array<{ key: string; problem: string }>]>([
    ['valid values', full, []],
    ['a version the product does not have', { ...full, version: '27.0' }, [{ key: 'version', problem: 'not_a_version' }]],
    ['a criticality outside the list', { ...full, criticality: 'urgent' }, [{ key: 'criticality', problem: 'not_an_option' }]],
    ['a frequency outside the list', { ...full, frequency: 'daily' }, [{ key: 'frequency', problem: 'not_an_option' }]],
    ['a bad e-mail address', { ...full, contactEmail: 'ana@' }, [{ key: 'contactEmail', problem: 'not_an_email' }]],
    ['a bad phone number', { ...full, contactPhone: 'call me' }, [{ key: 'contactPhone', problem: 'not_a_phone' }]],
    ['a field the form does not have', { ...full, colour: 'red' }, [{ key: 'colour', problem: 'unknown_field' }]],
    ['blank values are not checked', { ...full, version: ' ' }, []],
  ])('%s', (_name, values, problems) => {
    expect(invalidValues(form, values, ctx)).toEqual(problems);
  });
});

describe('request form definitions', () => {
  it.each<[string, RequestField[], string[]]>([
    ['the default form is valid', defaultRequestForm(), []],
    ['a duplicate key', [...form, { key: 'steps', type: 'longtext', required: false }], ['fields.12.key']],
    ['a standard field with another type', form.map((f) => (f.key === 'steps' ? { ...f, type: 'text' as const } : f)), ['fields.6.type']],
    ['summary made optional', form.map((f) => (f.key === 'summary' ? { ...f, required: false } : f)), ['fields.0.required']],
    ['description removed', form.filter((f) => f.key !== 'description'), ['fields']],
    ['a choice without options', [...form, { key: 'os', type: 'choice', required: false }], ['fields.12.options']],
    ['a bad key', [...form, { key: 'Bad key', type: 'text', required: false }], ['fields.12.key']],
    ['criticality options changed', form.map((f) => (f.key === 'criticality' ? { ...f, options: ['high', 'low'] } : f)), ['fields.4.options']],
  ])('%s', (_name, fields, paths) => {
    expect(checkRequestForm(fields).map((p) => p.path)).toEqual(paths);
  });

  it('orders standard fields first in the fixed order, then the product fields as given', () => {
    const shuffled = [{ key: 'os' }, { key: 'steps' }, { key: 'summary' }, { key: 'db' }, { key: 'version' }];
    expect(orderFields(shuffled).map((f) => f.key)).toEqual(['summary', 'version', 'steps', 'os', 'db']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, multipart, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;
let productId: string;

const complete = (extra: Record<string, unknown> = {}) => ({
  productId: 'WD',
  version: '28.0.412',
  frequency: 'always',
  criticality: 'major',
  steps: '1. Open the project\n2. Export to CSV',
  contactPhone: '+33 4 67 03 17 17',
  ...extra,
});

async function count(table: 'tickets' | 'messages'): Promise<number> {
  const r = await rt.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function jobsFor(messageId: string) {
  const rows = await rt.deps.db.selectFrom('jobs').select(['name', 'payload']).where('name', '=', 'mail.ticket-message').execute();
  return rows.map((r) => JSON.parse(r.payload) as { messageId: string; automatic: boolean }).filter((p) => p.messageId === messageId);
}

beforeAll(async () => {
  rt = await createTestRuntime();
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps, { org: 'Acme', language: 'fr' });
  const p = await as(rt.app, admin, { method: 'POST', url: '/api/v1/products', payload: { code: 'WD', name: 'WINDEV' } });
  expect(p.statusCode).toBe(201);
  productId = p.json().id;
  for (const version of ['28.0.412', '29.0.1']) {
    expect((await as(rt.app, admin, { method: 'POST', url: `/api/v1/products/${productId}/versions`, payload: { version } })).statusCode).toBe(201);
  }
});
afterAll(async () => rt?.dispose());

describe('request forms', () => {
  it('gives the default form, in the fixed order, and lets admins configure it', async () => {
    const form = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/products/WD/request-form` })).json();
    expect(form.productId).toBe(productId);
    expect(form.fields.map((f: { key: string }) => f.key)).toEqual([
      'summary', 'description', 'product', 'version', 'criticality', 'frequency', 'steps', 'contactName', 'contactEmail', 'contactPhone', 'licenceNumber', 'attachments',
    ]);
    expect(form.fields.find((f: { key: string }) => f.key === 'frequency')).toEqual({ key: 'frequency', type: 'choice', required: true, options: ['once', 'sometimes', 'always'] });

    const fields = [...form.fields.map((f: { key: string }) => (f.key === 'contactPhone' ? { ...f, required: false } : f)), { key: 'database', type: 'choice', required: false, options: ['hfsql', 'mysql'] }];
    expect((await as(rt.app, agent, { method: 'PUT', url: `/api/v1/products/${productId}/request-form`, payload: { fields } })).statusCode).toBe(403);
    const put = await as(rt.app, admin, { method: 'PUT', url: `/api/v1/products/${productId}/request-form`, payload: { fields } });
    expect(put.statusCode).toBe(200);
    const again = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/products/${productId}/request-form` })).json();
    expect(again.fields.find((f: { key: string }) => f.key === 'contactPhone').required).toBe(false);
    expect(again.fields.at(-1).key).toBe('database');

    const bad = await as(rt.app, admin, { method: 'PUT', url: `/api/v1/products/${productId}/request-form`, payload: { fields: fields.filter((f: { key: string }) => f.key !== 'summary') } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['fields']);
    expect((await as(rt.app, customer, { method: 'GET', url: '/api/v1/products/NOPE/request-form' })).statusCode).toBe(404);

    // Back to the default required phone for the other tests.
    const restore = form.fields.concat([{ key: 'database', type: 'choice', required: false, options: ['hfsql', 'mysql'] }]);
    expect((await as(rt.app, admin, { method: 'PUT', url: `/api/v1/products/${productId}/request-form`, payload: { fields: restore } })).statusCode).toBe(200);
  });
});

describe('the standard request on the web and the API', () => {
  it('stores a complete request and shows it in the fixed order', async () => {
    const res = await as(rt.app, customer, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { subject: 'Export CSV plante', body: 'L’export CSV plante.', request: complete({ licenceNumber: 'WD-28-0001', extra: { database: 'hfsql' } }) },
    });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t.state).toBe('new');
    expect(t.licenceNumber).toBe('WD-28-0001');
    expect(t.request).toMatchObject({ productId, productName: 'WINDEV', complete: true, missing: [], oneQuestion: true });
    expect(t.request.fields).toEqual([
      { key: 'summary', value: 'Export CSV plante' },
      { key: 'description', value: 'L’export CSV plante.' },
      { key: 'product', value: 'WINDEV' },
      { key: 'version', value: '28.0.412' },
      { key: 'criticality', value: 'major' },
      { key: 'frequency', value: 'always' },
      { key: 'steps', value: '1. Open the project\n2. Export to CSV' },
      { key: 'contactName', value: expect.any(String) },
      { key: 'contactEmail', value: customer.email },
      { key: 'contactPhone', value: '+33 4 67 03 17 17' },
      { key: 'licenceNumber', value: 'WD-28-0001' },
      { key: 'database', value: 'hfsql' },
    ]);
    const row = await rt.deps.db.selectFrom('tickets').select(['productId', 'productVersion', 'criticality']).where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ productId, productVersion: '28.0.412', criticality: 'major' });
    const again = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.number}` })).json();
    expect(again.request.fields).toEqual(t.request.fields);
  });

  it('refuses an incomplete web/API request with 422 listing the missing fields in the person’s language, and stores nothing', async () => {
    const before = await count('tickets');
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Plantage', body: 'Ça plante.', request: { productId: 'WD', version: '28.0.412' } } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.code).toBe('unprocessable');
    expect(p.detail).toContain('Étapes pour reproduire');
    expect(p.errors.map((e: { path: string }) => e.path)).toEqual(['request.criticality', 'request.frequency', 'request.steps', 'request.contactPhone']);
    expect(p.errors[0].message).toBe('Criticité');
    expect(await count('tickets')).toBe(before);
  });

  it('creates no customer when an agent’s incomplete API request is refused', async () => {
    const email = 'nobody.yet@example.org';
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', requesterEmail: email, request: { productId: 'WD' } } });
    expect(res.statusCode).toBe(422);
    expect(await rt.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
    const ok = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', requesterEmail: email, request: complete({ contactName: 'Nadia Roux' }) } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().requester.email).toBe(email);
  });

  it('refuses a version the product does not have, an unknown product and an unknown field (422)', async () => {
    const version = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', request: complete({ version: '27.0' }) } });
    expect(version.statusCode).toBe(422);
    expect(version.json().errors).toEqual([expect.objectContaining({ path: 'request.version', code: 'not_a_version' })]);
    const product = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', request: complete({ productId: 'NOPE' }) } });
    expect(product.statusCode).toBe(422);
    expect(product.json().errors[0].path).toBe('request.productId');
    const field = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', request: complete({ extra: { colour: 'red' } }) } });
    expect(field.statusCode).toBe(422);
    expect(field.json().errors[0].path).toBe('request.extra.colour');
    const enumBad = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', request: complete({ criticality: 'urgent' }) } });
    expect(enumBad.statusCode).toBe(400);
  });

  it('accepts the request as JSON text in a multipart form, with files', async () => {
    const form = multipart(
      { subject: 'Capture', body: 'Voir la capture.', request: JSON.stringify(complete()) },
      [{ filename: 'screen.png', contentType: 'image/png', data: Buffer.from('89504e47', 'hex') }],
    );
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(201);
    expect(res.json().request.complete).toBe(true);
    const broken = multipart({ subject: 'x', body: 'y', request: '{not json' }, []);
    expect((await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: broken.payload, headers: broken.headers })).statusCode).toBe(400);
  });

  it('keeps requests without the standard request working as before on the web and the API', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Plain', body: 'No form.' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().state).toBe('new');
    expect(res.json().request).toBeUndefined();
  });
});

describe('incomplete requests by phone and e-mail', () => {
  it('accepts them, waits for the customer (clock paused), asks for what is missing with a link, and resumes once completed', async () => {
    const res = await as(rt.app, agent, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { subject: 'Appel : export', body: 'Le client appelle, l’export plante.', requesterEmail: customer.email, channel: 'phone', request: { productId: 'WD', version: '29.0.1' } },
    });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t).toMatchObject({ channel: 'phone', state: 'pending', pendingReason: 'waiting_for_customer' });
    expect(t.request).toMatchObject({ complete: false, missing: ['criticality', 'frequency', 'steps', 'contactPhone'] });

    const thread = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items as Array<{ id: string; kind: string; internal: boolean; author: unknown; bodyText: string }>;
    const ask = thread.find((m) => m.kind === 'system' && m.bodyText.includes('il nous manque'));
    expect(ask).toBeDefined();
    expect(ask!.internal).toBe(false);
    expect(ask!.author).toBeNull();
    expect(ask!.bodyText).toContain(`/portal/requests/${t.number}`);
    expect(ask!.bodyText).toContain('- Étapes pour reproduire');
    expect(ask!.bodyText).toContain('- Criticité');
    expect(await jobsFor(ask!.id)).toEqual([{ messageId: ask!.id, automatic: true }]);

    // Completing only part keeps it waiting.
    const partial = await as(rt.app, customer, { method: 'PATCH', url: `/api/v1/tickets/${t.number}/request`, payload: { criticality: 'blocking' } });
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ state: 'pending', request: { complete: false, missing: ['frequency', 'steps', 'contactPhone'] } });
    const wrong = await as(rt.app, customer, { method: 'PATCH', url: `/api/v1/tickets/${t.id}/request`, payload: { version: '1.0' } });
    expect(wrong.statusCode).toBe(422);

    const done = await as(rt.app, customer, { method: 'PATCH', url: `/api/v1/tickets/${t.id}/request`, payload: { frequency: 'sometimes', steps: 'Ouvrir, exporter', contactPhone: '+33 1 23 45 67 89' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'open', pendingReason: null, request: { complete: true, missing: [] } });
    const row = await rt.deps.db.selectFrom('tickets').select(['criticality', 'productVersion']).where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ criticality: 'blocking', productVersion: '29.0.1' });
    const history = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json().items as Array<{ action: string; field: string | null; after: unknown }>;
    expect(history.some((h) => h.action === 'request_updated')).toBe(true);
    expect(history.some((h) => h.field === 'state' && h.after === 'open')).toBe(true);
  });

  it('treats a request by e-mail without any form as incomplete (product and the rest asked for)', async () => {
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Mail', body: 'Help me', requesterEmail: customer.email, channel: 'email' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'pending', pendingReason: 'waiting_for_customer' });
    expect(res.json().request.missing).toEqual(['product', 'version', 'criticality', 'frequency', 'steps', 'contactPhone']);
  });

  it('accepts a complete phone request without waiting', async () => {
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Appel', body: 'Tout est là.', requesterEmail: customer.email, channel: 'phone', request: complete() } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'new', request: { complete: true } });
  });

  it('lets only the requester or an agent complete a request', async () => {
    const stranger = await makeUser(rt.deps, { org: 'Globex' });
    const t = (await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Fax', body: 'Reçu par fax', requesterEmail: customer.email, channel: 'fax' } })).json();
    expect((await as(rt.app, stranger, { method: 'PATCH', url: `/api/v1/tickets/${t.id}/request`, payload: { steps: 'x' } })).statusCode).toBe(404);
    expect((await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}/request`, payload: { productId: 'WD', version: '28.0.412' } })).statusCode).toBe(200);
  });

  it('structures a request filed without the form when it is completed later', async () => {
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Sans formulaire', body: 'Décrit en texte libre.' } })).json();
    const res = await as(rt.app, customer, { method: 'PATCH', url: `/api/v1/tickets/${t.id}/request`, payload: complete() });
    expect(res.statusCode).toBe(200);
    expect(res.json().request).toMatchObject({ complete: true, missing: [] });
    expect(res.json().request.fields.slice(0, 3)).toEqual([
      { key: 'summary', value: 'Sans formulaire' },
      { key: 'description', value: 'Décrit en texte libre.' },
      { key: 'product', value: 'WINDEV' },
    ]);
  });

  it('documents the intake routes in OpenAPI', async () => {
    const spec = (await rt.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/products/{id}/request-form', '/api/v1/tickets/{id}/request', '/api/v1/tickets/{id}/reopen', '/api/v1/tickets/{id}/reopen-context']),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, multipart, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;

const scan = { field: 'files', filename: 'fax-2027-03-01.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 scanned fax page') };

beforeAll(async () => {
  rt = await createTestRuntime();
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps, { org: 'Eiler', language: 'es' });
  const p = (await as(rt.app, admin, { method: 'POST', url: '/api/v1/products', payload: { code: 'WM', name: 'WINDEV Mobile' } })).json();
  await as(rt.app, admin, { method: 'POST', url: `/api/v1/products/${p.id}/versions`, payload: { version: '2027' } });
});
afterAll(async () => rt?.dispose());

describe('phone, fax and post logged by agents', () => {
  it.each(['phone', 'fax', 'post'] as const)('logs a %s request for the customer with a scan, accepted incomplete and waiting for the customer', async (channel) => {
    const form = multipart(
      { subject: `Solicitud por ${channel}`, body: 'La sincronización falla.', requesterEmail: customer.email, channel, request: JSON.stringify({ productId: 'WM', version: '2027', criticality: 'major' }) },
      [scan],
    );
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t).toMatchObject({ channel, requester: { id: customer.id }, state: 'pending', pendingReason: 'waiting_for_customer' });
    expect(t.request).toMatchObject({ productName: 'WINDEV Mobile', complete: false, missing: ['frequency', 'steps', 'contactPhone'] });

    const thread = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items;
    const first = thread[0];
    expect(first).toMatchObject({ kind: 'customer', channel, author: { id: customer.id } });
    expect(first.attachments).toEqual([expect.objectContaining({ filename: 'fax-2027-03-01.pdf', contentType: 'application/pdf', size: scan.data.length })]);
    const bytes = await as(rt.app, customer, { method: 'GET', url: first.attachments[0].url });
    expect(bytes.rawPayload.equals(scan.data)).toBe(true);
    // Confirmation, then the list of what is missing, both in Spanish.
    const system = thread.filter((m: { kind: string }) => m.kind === 'system').map((m: { bodyText: string }) => m.bodyText);
    expect(system).toHaveLength(2);
    expect(system[0]).toContain('Hemos recibido su solicitud');
    expect(system[1]).toContain('- Pasos para reproducirlo');
    expect(system[1]).toContain(`/portal/requests/${t.number}`);
  });

  it('logs a complete letter as a new request, not waiting', async () => {
    const form = multipart(
      {
        subject: 'Carta',
        body: 'Carta recibida por correo postal.',
        requesterEmail: customer.email,
        channel: 'post',
        request: JSON.stringify({ productId: 'WM', version: '2027', criticality: 'minor', frequency: 'once', steps: 'Abrir y sincronizar', contactPhone: '+34 912 345 678' }),
      },
      [scan],
    );
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'post', state: 'new', request: { complete: true } });
  });

  it('still refuses a channel chosen by a customer', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'x', body: 'y', channel: 'fax' } });
    expect(res.statusCode).toBe(403);
  });
});

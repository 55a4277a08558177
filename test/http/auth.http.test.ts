import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { hashToken } from '../../src/server/services/auth/secrets.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let clock: ManualClock;
let admin: TestUser;
const password = 'correct horse battery';

beforeAll(async () => {
  clock = new ManualClock('2027-03-01T09:00:00Z');
  rt = await createTestRuntime({ clock, env: { GUICHET_LOGIN_RATE_PER_MINUTE: '1000' } });
  admin = await makeUser(rt.deps, { role: 'admin' });
});
afterAll(async () => rt?.dispose());

function login(email: string, pass: string) {
  return rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pass } });
}

function sessionCookie(res: { cookies: Array<{ name: string; value: string; httpOnly?: boolean }> }) {
  return res.cookies.find((c) => c.name === 'guichet_session');
}

describe('authentication', () => {
  it('signs in with e-mail and password: token, csrf token and an HttpOnly cookie', async () => {
    const u = await makeUser(rt.deps, { password, email: 'Signin@Example.org' });
    const res = await login('SIGNIN@example.org', password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: u.id, email: 'signin@example.org' });
    expect(body.user.passwordHash).toBeUndefined();
    const cookie = sessionCookie(res)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.value).toBe(body.token);
    // the token works as Bearer...
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toMatchObject({ user: { id: u.id }, csrfToken: null });
    // ...and the cookie works too, with the csrf token returned
    const meCookie = await rt.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { guichet_session: cookie.value } });
    expect(meCookie.json().csrfToken).toBe(body.csrfToken);
  });

  it('stores only a SHA-256 of session tokens', async () => {
    await makeUser(rt.deps, { password, email: 'hash@example.org' });
    const token = (await login('hash@example.org', password)).json().token as string;
    const rows = await rt.deps.db.selectFrom('authTokens').select('tokenHash').execute();
    expect(rows.map((r) => r.tokenHash)).toContain(hashToken(token));
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    await makeUser(rt.deps, { password, email: 'csrf@example.org' });
    const s = (await login('csrf@example.org', password)).json();
    const payload = { subject: 'x', body: 'y' };
    const without = await rt.app.inject({ method: 'POST', url: '/api/v1/tickets', payload, cookies: { guichet_session: s.token } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await rt.app.inject({ method: 'POST', url: '/api/v1/tickets', payload, cookies: { guichet_session: s.token }, headers: { 'x-csrf-token': 'abc' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await rt.app.inject({ method: 'POST', url: '/api/v1/tickets', payload, cookies: { guichet_session: s.token }, headers: { 'x-csrf-token': s.csrfToken } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().channel).toBe('web');
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    await makeUser(rt.deps, { password, email: 'same@example.org' });
    const a = await login('same@example.org', 'wrong password');
    const b = await login('nobody@example.org', 'wrong password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it('locks an account after repeated failures, then lets it in after the lock', async () => {
    await makeUser(rt.deps, { password, email: 'lock@example.org' });
    for (let i = 0; i < 5; i++) expect((await login('lock@example.org', 'nope')).statusCode).toBe(401);
    const locked = await login('lock@example.org', password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('login_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await login('lock@example.org', password)).statusCode).toBe(200);
  });

  it('logs out: the token stops working and the cookie is cleared', async () => {
    await makeUser(rt.deps, { password, email: 'bye@example.org' });
    const s = (await login('bye@example.org', password)).json();
    const out = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${s.token}` } });
    expect(out.statusCode).toBe(204);
    expect((await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${s.token}` } })).statusCode).toBe(401);
  });

  it('expires sessions', async () => {
    await makeUser(rt.deps, { password, email: 'old@example.org' });
    const s = (await login('old@example.org', password)).json();
    clock.advance((rt.config.sessionTtlHours + 1) * 3600_000);
    expect((await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${s.token}` } })).statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('users', () => {
  it('lets admins create users and refuses others', async () => {
    const agent = await makeUser(rt.deps, { role: 'agent' });
    const body = { email: 'new.agent@example.org', role: 'agent', password: 'a long password', language: 'ru', organization: 'Vendor' };
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/users', payload: body })).statusCode).toBe(403);
    const res = await as(rt.app, admin, { method: 'POST', url: '/api/v1/users', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.agent@example.org', role: 'agent', language: 'ru', organizationName: 'Vendor' });
    expect((await as(rt.app, admin, { method: 'POST', url: '/api/v1/users', payload: body })).statusCode).toBe(409);
    const bad = await as(rt.app, admin, { method: 'POST', url: '/api/v1/users', payload: { ...body, email: 'x@example.org', timeZone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('timeZone');
  });

  it('lets agents list users but not customers', async () => {
    const customer = await makeUser(rt.deps);
    expect((await as(rt.app, customer, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    const list = await as(rt.app, admin, { method: 'GET', url: '/api/v1/users?role=admin' });
    expect(list.json().items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with an authenticator code, then asks for a fresh code at every sign-in', async () => {
    const { authenticator } = await import('otplib');
    const agent = await makeUser(rt.deps, { role: 'agent', password, email: 'totp@example.org' });
    const code = (secret: string) => authenticator.clone({ epoch: clock.now().getTime() }).generate(secret);
    const start = await as(rt.app, agent, { method: 'POST', url: '/api/v1/me/two-factor' });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri } = start.json();
    expect(otpauthUri).toContain('otpauth://totp/Guichet:totp%40example.org');
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/me/two-factor/confirm', payload: { code: '000000' } })).statusCode).toBe(400);
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/me/two-factor/confirm', payload: { code: code(secret) } })).statusCode).toBe(204);

    clock.advance(60_000);
    const noCode = await login('totp@example.org', password);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp_required');
    const fresh = code(secret);
    const ok = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'totp@example.org', password, totpCode: fresh } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.twoFactor).toBe(true);
    // the same code cannot be used twice
    const replay = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'totp@example.org', password, totpCode: fresh } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_credentials');

    clock.advance(60_000);
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/me/two-factor/disable', payload: { code: code(secret) } })).statusCode).toBe(204);
    expect((await login('totp@example.org', password)).statusCode).toBe(200);
  });
});

import { v7 as uuidv7 } from 'uuid';
import { addGroupMember, insertGroup } from '../../repositories/groups.repository.js';
import { updateOrganization } from '../../repositories/organizations.repository.js';
import { findUserByEmail, type UserRow } from '../../repositories/users.repository.js';
import { ManualClock } from '../../ports/clock.js';
import { actorFromUser } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { addMessage } from '../tickets/add-message.js';
import { createTicket } from '../tickets/create-ticket.js';
import { updateTicket } from '../tickets/update-ticket.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import { addUser } from '../users/add-user.js';
import { DEMO_SCENARIOS } from './demo-content.js';
import { loadEntitlementsDemo } from './demo-entitlements.js';
import { loadKbDemo } from './demo-kb.js';
import { loadSlaDemo } from './demo-sla.js';

/** A demo account, as listed in the README and printed by `guichet demo`. */
export interface DemoLogin {
  email: string;
  password: string;
  role: 'customer' | 'agent' | 'admin';
  name: string;
  language: 'fr' | 'es' | 'en' | 'ru';
  organization?: string;
  timeZone: string;
}

/** The demo accounts. Passwords are public: this is demo data. */
export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'admin@demo.guichet.test', password: 'admin-demo-2027', role: 'admin', name: 'Alex Martin', language: 'fr', timeZone: 'Europe/Paris' },
  { email: 'camille@demo.guichet.test', password: 'agent-demo-2027', role: 'agent', name: 'Camille Roux', language: 'fr', timeZone: 'Europe/Paris' },
  { email: 'diego@demo.guichet.test', password: 'agent-demo-2027', role: 'agent', name: 'Diego Navarro', language: 'es', timeZone: 'Europe/Madrid' },
  { email: 'olga@demo.guichet.test', password: 'agent-demo-2027', role: 'agent', name: 'Olga Smirnova', language: 'ru', timeZone: 'Europe/Moscow' },
  { email: 'marie@durand-associes.example', password: 'customer-demo-2027', role: 'customer', name: 'Marie Durand', language: 'fr', organization: 'Durand & Associés', timeZone: 'Europe/Paris' },
  { email: 'paul@durand-associes.example', password: 'customer-demo-2027', role: 'customer', name: 'Paul Lefèvre', language: 'fr', organization: 'Durand & Associés', timeZone: 'Europe/Paris' },
  { email: 'lucia@ferreteria-sol.example', password: 'customer-demo-2027', role: 'customer', name: 'Lucía Gómez', language: 'es', organization: 'Ferretería Sol', timeZone: 'Europe/Madrid' },
  { email: 'john@baltic-logistics.example', password: 'customer-demo-2027', role: 'customer', name: 'John Carter', language: 'en', organization: 'Baltic Logistics', timeZone: 'Europe/London' },
  { email: 'ivan@baltic-logistics.example', password: 'customer-demo-2027', role: 'customer', name: 'Ivan Petrov', language: 'ru', organization: 'Baltic Logistics', timeZone: 'Europe/Moscow' },
];

/** Deterministic pseudo-random numbers (mulberry32), so every demo looks the same. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
const REASONS = ['waiting_for_customer', 'cannot_reproduce', 'awaiting_product_update', 'needs_diagnostics'] as const;
const HOUR = 3600_000;

/** Options of a demo load. */
export interface LoadDemoOptions {
  /** How many tickets (default 200). */
  tickets?: number;
  onProgress?: (done: number, total: number) => void;
}

async function createPeople(deps: ServiceDeps): Promise<Map<string, UserRow>> {
  const people = new Map<string, UserRow>();
  for (const login of DEMO_LOGINS) {
    people.set(login.email, await addUser(deps, { ...login }));
  }
  const marie = people.get('marie@durand-associes.example')!;
  await updateOrganization(deps.db, marie.organizationId!, { sharesTickets: 1 });
  const at = deps.clock.now().toISOString();
  const groups = [
    { id: uuidv7(), name: 'Support Europe', members: ['camille@demo.guichet.test', 'diego@demo.guichet.test'] },
    { id: uuidv7(), name: 'Support Russia', members: ['olga@demo.guichet.test'] },
  ];
  for (const g of groups) {
    await insertGroup(deps.db, { id: g.id, name: g.name, createdAt: at });
    for (const m of g.members) await addGroupMember(deps.db, g.id, people.get(m)!.id);
  }
  return people;
}

/**
 * Fills an empty database with a vendor's support desk: people, groups and tickets in every state
 * with real threads, spread over the last six weeks. Does nothing when the demo admin exists.
 */
export async function loadDemo(deps: ServiceDeps, options: LoadDemoOptions = {}): Promise<{ created: boolean }> {
  if (await findUserByEmail(deps.db, DEMO_LOGINS[0]!.email)) return { created: false };
  const people = await createPeople(deps);
  await loadEntitlementsDemo(deps);
  const total = options.tickets ?? 200;
  const rand = random(2027);
  const now = deps.clock.now().getTime();
  const clock = new ManualClock(now);
  const past: ServiceDeps = { ...deps, clock };
  const customers = DEMO_LOGINS.filter((l) => l.role === 'customer');
  const agentFor = { fr: 'camille@demo.guichet.test', es: 'diego@demo.guichet.test', en: 'camille@demo.guichet.test', ru: 'olga@demo.guichet.test' } as const;
  for (let i = 0; i < total; i++) {
    const login = customers[i % customers.length]!;
    const customer = actorFromUser(people.get(login.email)!);
    const agent = actorFromUser(people.get(agentFor[login.language])!);
    const scenarios = DEMO_SCENARIOS[login.language];
    const s = scenarios[Math.floor(i / customers.length) % scenarios.length]!;
    const state = STATES[i % STATES.length]!;
    const ageHours = state === 'new' ? 1 + rand() * 30 : 40 + rand() * 1000;
    clock.set(new Date(now - ageHours * HOUR));
    const step = (): void => clock.advance((0.5 + rand() * 5) * HOUR);
    const ticket = await createTicket(past, { actor: customer, subject: s.subject, body: s.question, defaultChannel: i % 7 === 3 ? 'email' : 'web' });
    if (state !== 'new') {
      step();
      await updateTicket(past, { actor: agent, ticketId: ticket.id, assigneeId: agent.id });
      if (i % 3 === 0) await addMessage(past, { actor: agent, ticketId: ticket.id, body: s.note, internal: true, defaultChannel: 'web' });
      step();
      await addMessage(past, { actor: agent, ticketId: ticket.id, body: s.answer, defaultChannel: 'web' });
    }
    if (state === 'pending') {
      step();
      const reason = REASONS[Math.floor(i / STATES.length) % REASONS.length]!;
      // An incomplete e-mail request already waits for the customer (intake asked for what is missing).
      const current = await findTicket(past.db, ticket.id);
      if (!(current?.state === 'pending' && current.pendingReason === reason)) await updateTicket(past, { actor: agent, ticketId: ticket.id, state: 'pending', pendingReason: reason });
    }
    if (state === 'solved' || state === 'closed') {
      step();
      await addMessage(past, { actor: customer, ticketId: ticket.id, body: s.followUp, defaultChannel: 'web' });
      step();
      await addMessage(past, { actor: agent, ticketId: ticket.id, body: s.closing, defaultChannel: 'web' });
      await updateTicket(past, { actor: agent, ticketId: ticket.id, state: 'solved' });
      if (state === 'closed') {
        clock.advance(72 * HOUR);
        if (clock.now().getTime() < now) await updateTicket(past, { actor: agent, ticketId: ticket.id, state: 'closed' });
        else await updateTicket({ ...past, clock: deps.clock }, { actor: agent, ticketId: ticket.id, state: 'closed' });
      }
    }
    options.onProgress?.(i + 1, total);
  }
  await loadSlaDemo(deps);
  await loadKbDemo(deps, { authorEmail: 'camille@demo.guichet.test' });
  return { created: true };
}

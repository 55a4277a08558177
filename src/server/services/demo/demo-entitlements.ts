import { findOrganizationByName } from '../../repositories/organizations.repository.js';
import { findUserByEmail } from '../../repositories/users.repository.js';
import { actorFromUser, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { addDays, dayInZone } from '../../../domain/entitlement/calendar-day.js';
import { grantCredits } from '../entitlements/credits.js';
import { setOrganizationSupport } from '../entitlements/direct-assistance.js';
import { createContract, createLicence } from '../entitlements/manage-licences.js';
import { createPlan } from '../entitlements/manage-plans.js';
import { addVersion, createProduct } from '../entitlements/manage-products.js';
import { createTicket } from '../tickets/create-ticket.js';

const WEB = ['web', 'email', 'api', 'post', 'fax'] as const;
const ALL = ['web', 'email', 'api', 'post', 'fax', 'phone'] as const;

async function person(deps: ServiceDeps, email: string): Promise<Actor> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return actorFromUser(user);
}

async function catalogue(deps: ServiceDeps, admin: Actor): Promise<{ atelier: string; gestio: string }> {
  const atelier = (await createProduct(deps, admin, { code: 'AS', name: 'Atelier Studio' })).id;
  const gestio = (await createProduct(deps, admin, { code: 'GC', name: 'Gestio Compta' })).id;
  for (const version of ['27.0.3', '28.0.412']) await addVersion(deps, admin, atelier, { version, supported: true });
  for (const version of ['10.4', '11.2']) await addVersion(deps, admin, gestio, { version, supported: true });
  const base = { productId: null, active: true, premiumCreditsIncluded: 0, designatedEngineer: false, supportDays: null, versionRule: 'all' as const };
  await createPlan(deps, admin, {
    ...base, code: 'standard', basis: 'licence', tier: 'standard', channels: [...WEB], supportDays: 90, versionRule: 'licensed',
    names: { fr: 'Support gratuit', es: 'Soporte gratuito', en: 'Free support', ru: 'Бесплатная поддержка' },
  });
  await createPlan(deps, admin, {
    ...base, code: 'support', basis: 'contract', tier: 'contract', channels: [...ALL], premiumCreditsIncluded: 3,
    names: { fr: 'Contrat d’assistance', es: 'Contrato de soporte', en: 'Support contract', ru: 'Договор поддержки' },
  });
  await createPlan(deps, admin, {
    ...base, code: 'direct', basis: 'contract', tier: 'direct', channels: [...ALL], designatedEngineer: true,
    names: { fr: 'Assistance directe', es: 'Asistencia directa', en: 'Direct assistance', ru: 'Прямая поддержка' },
  });
  await createPlan(deps, admin, {
    ...base, code: 'premium', basis: 'premium', tier: 'premium', channels: [...ALL],
    names: { fr: 'Demande premium', es: 'Solicitud premium', en: 'Premium request', ru: 'Премиум-обращение' },
  });
  return { atelier, gestio };
}

/**
 * The demo vendor's entitlements: Atelier Studio 27/28 and Gestio Compta 10/11; free support 90 days
 * after purchase, a support contract (phone, 4-hour response through the SLA policies, 3 premium
 * credits), direct assistance with a designated engineer, premium requests. Durand & Associés hold a
 * support contract, Ferretería Sol a recent licence and premium credits, Baltic Logistics direct
 * assistance with Olga (Camille as deputy). Runs before the demo tickets, so they get entitlements.
 */
export async function loadEntitlementsDemo(deps: ServiceDeps): Promise<void> {
  const admin = await person(deps, 'admin@demo.guichet.test');
  const { atelier, gestio } = await catalogue(deps, admin);
  const today = dayInZone(deps.clock.now(), deps.config.defaultTimeZone);
  const org = async (name: string) => (await findOrganizationByName(deps.db, name))!.id;
  const durand = await org('Durand & Associés');
  const sol = await org('Ferretería Sol');
  const baltic = await org('Baltic Logistics');
  await createLicence(deps, admin, { number: 'GC-11-DA-4471', productId: gestio, version: '11.2', purchasedOn: addDays(today, -200), organizationId: durand, seats: 4 });
  await createLicence(deps, admin, { number: 'AS-28-FS-0193', productId: atelier, version: '28.0.412', purchasedOn: addDays(today, -60), organizationId: sol, seats: 1 });
  await createLicence(deps, admin, { number: 'AS-27-FS-0021', productId: atelier, version: '27.0.3', purchasedOn: addDays(today, -500), organizationId: sol, seats: 1 });
  await createLicence(deps, admin, { number: 'AS-28-BL-7702', productId: atelier, version: '28.0.412', purchasedOn: addDays(today, -120), organizationId: baltic, seats: 12 });
  await createContract(deps, admin, { number: 'SUP-2027-DA', organizationId: durand, planCode: 'support', productId: null, startsOn: addDays(today, -300), endsOn: addDays(today, 65) });
  await createContract(deps, admin, { number: 'DIR-2027-BL', organizationId: baltic, planCode: 'direct', productId: null, startsOn: addDays(today, -120), endsOn: addDays(today, 245) });
  await createContract(deps, admin, { number: 'SUP-2025-BL', organizationId: baltic, planCode: 'support', productId: null, startsOn: addDays(today, -800), endsOn: addDays(today, -121) });
  const olga = await person(deps, 'olga@demo.guichet.test');
  const camille = await person(deps, 'camille@demo.guichet.test');
  await setOrganizationSupport(deps, admin, baltic, { engineerId: olga.id, deputyId: camille.id });
  await grantCredits(deps, admin, sol, 3, 'Premium pack (3 requests)');
  const lucia = await person(deps, 'lucia@ferreteria-sol.example');
  await createTicket(deps, { actor: lucia, subject: 'El inventario no cuadra tras la actualización', body: 'Desde la actualización a la 28.0.412 el inventario muestra existencias negativas. Es urgente: hacemos el cierre mañana.', licenceNumber: 'AS-28-FS-0193', premium: true, defaultChannel: 'web' });
  await createTicket(deps, { actor: lucia, subject: 'Pregunta sobre la versión 27', body: '¿Se puede seguir usando la versión 27 en un segundo puesto?', licenceNumber: 'AS-27-FS-0021', defaultChannel: 'web' });
}

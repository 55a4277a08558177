import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceDeps } from '../../services/deps.js';
import { attachmentRoutes } from './attachments/index.js';
import { authRoutes } from './auth/index.js';
import { callbackRoutes } from './callbacks/index.js';
import { calendarRoutes } from './calendars/index.js';
import { clientSettingsRoutes } from './client-settings/index.js';
import { eventRoutes } from './events/index.js';
import { profileRoutes } from './profile/index.js';
import { slaPolicyRoutes } from './sla-policies/index.js';
import { slaRoutes } from './sla/index.js';
import { contractRoutes } from './contracts/index.js';
import { creditRoutes, creditWebhookRoutes } from './credits/index.js';
import { entitlementRoutes } from './entitlements/index.js';
import { fairUseRoutes } from './fair-use/index.js';
import { licenceRoutes } from './licences/index.js';
import { planRoutes } from './plans/index.js';
import { productRoutes } from './products/index.js';
import { queueRoutes } from './queue/index.js';
import { kbRoutes } from './kb/index.js';
import { intakeRoutes } from './intake/index.js';
import { mailRoutes } from './mail/index.js';
import { reportRoutes } from './reports/index.js';
import { ticketRoutes } from './tickets/index.js';
import { userRoutes } from './users/index.js';
import { cannedReplyRoutes } from './canned-replies/index.js';
import { mergeRoutes } from './merge/index.js';
import { organizationRoutes } from './organizations/index.js';

/** Every route group mounted under /api/v1. Add new resources here. */
export const API_ROUTES: Array<(deps: ServiceDeps) => FastifyPluginAsyncZod> = [
  authRoutes, userRoutes, ticketRoutes, attachmentRoutes, profileRoutes, clientSettingsRoutes, eventRoutes,
  productRoutes, planRoutes, licenceRoutes, contractRoutes, creditRoutes, creditWebhookRoutes, entitlementRoutes, queueRoutes, fairUseRoutes,
  calendarRoutes, slaPolicyRoutes, slaRoutes,
  kbRoutes,
  intakeRoutes,
  mailRoutes,
  callbackRoutes,
  cannedReplyRoutes, mergeRoutes,
  organizationRoutes,
  reportRoutes,
];

import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-products-and-ticket-facts.js';
import * as m0003 from './0003-sla.js';
import * as m0004 from './0004-kb.js';
import * as m0005 from './0005-entitlements.js';
import * as m0006 from './0006-intake.js';
import * as m0007 from './0007-two-factor.js';
import * as m0008 from './0008-mail.js';
import * as m0012 from './0012-callbacks.js';
import * as m0009 from './0009-canned-replies.js';

/**
 * Every migration, in order. Names sort; append new ones at the end and never edit a landed one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-products-and-ticket-facts': m0002,
  '0003-sla': m0003,
  '0004-kb': m0004,
  '0005-entitlements': m0005,
  '0006-intake': m0006,
  '0007-two-factor': m0007,
  '0008-mail': m0008,
  '0012-callbacks': m0012,
  '0009-canned-replies': m0009,
};

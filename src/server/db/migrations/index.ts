import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';

/**
 * Every migration, in order. Names sort; append new ones at the end and never edit a landed one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
};

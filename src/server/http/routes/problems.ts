import { Problem } from '../../../contracts/errors.js';

/** Documents problem+json answers of a route in OpenAPI. */
export function problems(...statuses: number[]): Record<number, typeof Problem> {
  return Object.fromEntries(statuses.map((s) => [s, Problem.describe('RFC 9457 problem details')]));
}

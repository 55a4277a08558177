/*
 * First-response time distribution. Durations are wall-clock minutes from the request to the first
 * public answer (tickets.first_response_at - tickets.created_at): the SLA tables store due, met and
 * breached instants, not business durations, so business-time compliance is the SLA report's job.
 */

/** A histogram bucket: [fromMinutes, toMinutes), `toMinutes` null for the open last one. */
export interface Bucket {
  key: string;
  fromMinutes: number;
  toMinutes: number | null;
}

/** The buckets, chosen for support work: under 15 min … over 2 days. */
export const FIRST_RESPONSE_BUCKETS: readonly Bucket[] = [
  { key: 'lt15m', fromMinutes: 0, toMinutes: 15 },
  { key: '15m-30m', fromMinutes: 15, toMinutes: 30 },
  { key: '30m-1h', fromMinutes: 30, toMinutes: 60 },
  { key: '1h-2h', fromMinutes: 60, toMinutes: 120 },
  { key: '2h-4h', fromMinutes: 120, toMinutes: 240 },
  { key: '4h-8h', fromMinutes: 240, toMinutes: 480 },
  { key: '8h-24h', fromMinutes: 480, toMinutes: 1440 },
  { key: '1d-2d', fromMinutes: 1440, toMinutes: 2880 },
  { key: 'ge2d', fromMinutes: 2880, toMinutes: null },
];

/** The index of the bucket a duration falls in (negative durations, from clock skew, count as 0). */
export function bucketIndex(minutes: number, buckets: readonly Bucket[] = FIRST_RESPONSE_BUCKETS): number {
  const m = Math.max(0, minutes);
  const i = buckets.findIndex((b) => b.toMinutes === null || m < b.toMinutes);
  return i === -1 ? buckets.length - 1 : i;
}

/** A value at a percentile (nearest rank), or null for no values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The distribution of durations: count per bucket, median and 90th percentile (minutes, one decimal). */
export function histogram(minutes: readonly number[], buckets: readonly Bucket[] = FIRST_RESPONSE_BUCKETS) {
  const counts = buckets.map(() => 0);
  for (const m of minutes) counts[bucketIndex(m, buckets)]! += 1;
  const sorted = minutes.map((m) => Math.max(0, m)).sort((a, b) => a - b);
  const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
  return {
    buckets: buckets.map((b, i) => ({ ...b, count: counts[i]! })),
    answered: minutes.length,
    medianMinutes: round(percentile(sorted, 50)),
    p90Minutes: round(percentile(sorted, 90)),
  };
}

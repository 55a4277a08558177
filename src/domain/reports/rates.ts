/** A share rounded to four decimals (0.1234 = 12.34 %), or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** Sums counts keyed by text into an ordered list of keys (keys not in `order` come after, sorted). */
export function orderKeys(keys: Iterable<string>, order: readonly string[]): string[] {
  const seen = new Set(keys);
  const known = order.filter((k) => seen.has(k));
  const rest = [...seen].filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

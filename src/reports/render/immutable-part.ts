/**
 * Parts of a report model that never change once built (a village's part of
 * a regency report, kept until the village moves), so whoever renders them
 * may keep their rendered text (src/reports/json.ts). The part is frozen;
 * what it holds is its builder's own or never changed by anyone (freezing
 * it deeply would cost more than rendering it).
 */
const immutableParts = new WeakSet<object>();

export function immutablePart<T extends object>(part: T): T {
  immutableParts.add(Object.freeze(part));
  return part;
}

export function isImmutablePart(value: unknown): value is object {
  return typeof value === 'object' && value !== null && immutableParts.has(value);
}

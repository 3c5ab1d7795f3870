import DecimalBase from 'decimal.js';
import { PersistentMap } from './persistent-map';

/**
 * Folded states as plain JSON: bigints (revisions) as strings, decimals
 * (money) as exact text with at least two decimals, maps as objects keyed like the map.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (DecimalBase.isDecimal(value)) {
    const decimal = value as DecimalBase;
    return decimal.toFixed(Math.max(2, decimal.decimalPlaces()));
  }
  if (value instanceof Map || value instanceof PersistentMap)
    return Object.fromEntries(
      [...(value as ReadonlyMap<string, unknown>)].map(([k, v]) => [k, toJsonValue(v)]),
    );
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  return value;
}

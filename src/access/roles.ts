import { z } from 'zod';
import { isWithin, levelOf } from '../domain/reference/codes';

/** Who a user is in the village finance cycle (docs/domain.md, "Roles"). */
export const ROLES = [
  'treasurer',
  'activityExecutor',
  'secretary',
  'villageHead',
  'districtHead',
  'regencyFinance',
  'auditor',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Region levels by number of code segments: `35.10`, `35.10.01`, `35.10.01.2001`. */
export const SCOPE_LEVELS = { regency: 2, district: 3, village: 4 } as const;
export type ScopeLevel = keyof typeof SCOPE_LEVELS;

/** A region code a user's rights are bounded by. */
export const scopeSchema = z
  .string()
  .regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'expected a regency, district or village code');

/** The scope levels each role may hold: village officials a village, the camat a district, … */
export const ROLE_SCOPE_LEVELS: Record<Role, readonly ScopeLevel[]> = {
  treasurer: ['village'],
  activityExecutor: ['village'],
  secretary: ['village'],
  villageHead: ['village'],
  districtHead: ['district'],
  regencyFinance: ['regency'],
  auditor: ['regency', 'district', 'village'],
  administrator: ['regency'],
};

export function scopeLevel(scope: string): ScopeLevel | undefined {
  const level = levelOf(scope);
  return (Object.keys(SCOPE_LEVELS) as ScopeLevel[]).find((key) => SCOPE_LEVELS[key] === level);
}

export function roleFitsScope(role: Role, scope: string): boolean {
  const level = scopeLevel(scope);
  return level !== undefined && ROLE_SCOPE_LEVELS[role].includes(level);
}

/** Whether a user scoped to `scope` may act on `region` (the region itself or anything under it). */
export function scopeCovers(scope: string, region: string): boolean {
  return isWithin(region, scope);
}

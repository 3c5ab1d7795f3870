import { z } from 'zod';
import {
  isWithinRegion,
  levelOfRegion,
  regionCodeSchema,
  type RegionLevel,
} from '../domain/shared/region-codes';

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

/** The roles a regency may require two-factor sign-in of: those acting for the whole regency. */
export const TWO_FACTOR_POLICY_ROLES: readonly Role[] = [
  'administrator',
  'regencyFinance',
  'auditor',
];

/** The region levels a user's rights may be bounded by: `35.10`, `35.10.01`, `35.10.01.2001`. */
export const SCOPE_LEVELS = [
  'regency',
  'district',
  'village',
] as const satisfies readonly RegionLevel[];
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** A region code a user's rights are bounded by. */
export const scopeSchema = regionCodeSchema(...SCOPE_LEVELS);

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
  const level = levelOfRegion(scope);
  return SCOPE_LEVELS.find((candidate) => candidate === level);
}

export function roleFitsScope(role: Role, scope: string): boolean {
  const level = scopeLevel(scope);
  return level !== undefined && ROLE_SCOPE_LEVELS[role].includes(level);
}

/** Whether a user scoped to `scope` may act on `region` (the region itself or anything under it). */
export function scopeCovers(scope: string, region: string): boolean {
  return isWithinRegion(region, scope);
}

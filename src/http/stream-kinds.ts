import type { z } from 'zod';
import type { Ledger } from '../app/ledger';
import type { ReferenceCatalog } from '../app/load-reference-data';
import type { CommandOutcome, HandleOptions } from '../app/stream-handler';
import { regencyCommandSchemas } from '../domain/regency/commands';
import type { DomainEvent } from '../domain/shared/envelope';
import { regencyStreamId } from '../domain/regency/decider';
import { villageCommandSchemas } from '../domain/village/commands';
import { villageStreamId } from '../domain/village/decider';
import { regencyOf, REGION_PATTERNS } from '../domain/shared/region-codes';

/**
 * The two ledger streams as the API sees them: where they live in the URL,
 * which commands they take (straight from the domain's schema tables, so a
 * new command gets its endpoint without a change here) and how to run them.
 */
export interface StreamKind {
  tag: string;
  basePath: string;
  codeParam: string;
  codePattern: RegExp;
  schemas: Record<string, z.ZodType>;
  /**
   * Whether a command is scoped by the village its payload names rather than
   * by the stream (the camat's evaluation on the regency's year).
   */
  villageScoped(type: string): boolean;
  streamId(code: string, fiscalYear: number): string;
  exists(reference: ReferenceCatalog, fiscalYear: number, code: string): boolean;
  load(
    ledger: Ledger,
    code: string,
    fiscalYear: number,
  ): Promise<{ state: { domain: unknown }; revision: bigint | undefined }>;
  execute(
    ledger: Ledger,
    code: string,
    fiscalYear: number,
    raw: unknown,
    options: HandleOptions,
  ): Promise<CommandOutcome<DomainEvent>>;
}

export const villageStream: StreamKind = {
  tag: 'village',
  basePath: '/villages/:villageCode/years/:fiscalYear',
  codeParam: 'villageCode',
  codePattern: REGION_PATTERNS.village,
  schemas: villageCommandSchemas,
  villageScoped: () => false,
  streamId: villageStreamId,
  exists: (reference, fiscalYear, code) =>
    reference.exists(fiscalYear, regencyOf(code)) &&
    reference.get(fiscalYear, regencyOf(code)).villages.has(code),
  load: (ledger, code, fiscalYear) => ledger.loadVillage(code, fiscalYear),
  execute: (ledger, code, fiscalYear, raw, options) =>
    ledger.executeVillageCommand(code, fiscalYear, raw, options),
};

export const regencyStream: StreamKind = {
  tag: 'regency',
  basePath: '/regencies/:regencyCode/years/:fiscalYear',
  codeParam: 'regencyCode',
  codePattern: REGION_PATTERNS.regency,
  schemas: regencyCommandSchemas,
  villageScoped: (type) =>
    'villageCode' in regencyCommandSchemas[type as keyof typeof regencyCommandSchemas].shape,
  streamId: regencyStreamId,
  exists: (reference, fiscalYear, code) => reference.exists(fiscalYear, code),
  load: (ledger, code, fiscalYear) => ledger.loadRegency(code, fiscalYear),
  execute: (ledger, code, fiscalYear, raw, options) =>
    ledger.executeRegencyCommand(code, fiscalYear, raw, options),
};

export const STREAM_KINDS: readonly StreamKind[] = [villageStream, regencyStream];

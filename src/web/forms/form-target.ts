import type { User } from '../../access/state';
import { regencyOf } from '../../domain/shared/region-codes';
import type { RegencyState } from '../../domain/regency/state';
import type { VillageState } from '../../domain/village/state';
import { regencyStream, villageStream, type StreamKind } from '../../http/stream-kinds';
import type { PageServices } from '../page-kit';
import { HOME_PATH } from '../paths';
import { recordedRegencyPath } from '../regency/regency-paths';
import { defaultRegencyYear, defaultVillageYear } from '../default-years';
import type { CommandEnvelope } from '../../domain/shared/envelope';
import type { AnyCommandForm, FormContext, RegencyFormContext } from './form-model';

/**
 * The stream a form's command goes to: which one a user's form acts on,
 * the state its choices are drawn from, and where a recorded command leads.
 * The routes, the CSRF/nonce/stale-form handling and the refusals are the
 * same for every target.
 */
export interface FormTarget<Context> {
  kind: StreamKind;
  /** The query and hidden field (`_` + it) naming the stream's code. */
  codeField: string;
  /** The stream's code when none is asked: the user's village, the user's regency. */
  ownCode(user: User): string;
  defaultYear(services: PageServices, code: string): Promise<number | undefined>;
  load(
    services: PageServices,
    code: string,
    fiscalYear: number,
  ): Promise<{ context: Context; revision: string }>;
  /** The line under the form's title that says whose year it is. */
  where(context: Context): string;
  /** The page a recorded command leads to; `position` lets it wait for its read models. */
  recorded(form: AnyCommandForm, fiscalYear: number, position: bigint): string;
}

const revisionText = (revision: bigint | undefined) => String(revision ?? -1n);

export const VILLAGE_TARGET: FormTarget<FormContext> = {
  kind: villageStream,
  codeField: 'desa',
  ownCode: (user) => user.scope,
  defaultYear: (services, code) => defaultVillageYear(services.ledger, services.reference, code),
  async load({ ledger, reference }, villageCode, fiscalYear) {
    const loaded = await ledger.loadVillage(villageCode, fiscalYear);
    return {
      context: {
        villageCode,
        fiscalYear,
        reference: reference.get(fiscalYear, regencyOf(villageCode)),
        state: loaded.state.domain as VillageState,
      },
      revision: revisionText(loaded.revision),
    };
  },
  where: ({ reference, villageCode, fiscalYear }) =>
    `Desa ${reference.villages.get(villageCode)?.name ?? villageCode} · tahun anggaran ${fiscalYear}`,
  recorded: (form) => `${HOME_PATH}?tercatat=${encodeURIComponent(form.slug ?? form.type)}`,
};

export const REGENCY_TARGET: FormTarget<RegencyFormContext> = {
  kind: regencyStream,
  codeField: 'kabupaten',
  ownCode: (user) => regencyOf(user.scope),
  defaultYear: ({ ledger, reference }, code) => defaultRegencyYear(ledger, reference, code),
  async load({ ledger, reference }, regencyCode, fiscalYear) {
    const loaded = await ledger.loadRegency(regencyCode, fiscalYear);
    return {
      context: {
        regencyCode,
        fiscalYear,
        reference: reference.get(fiscalYear, regencyCode),
        state: loaded.state.domain as RegencyState,
      },
      revision: revisionText(loaded.revision),
    };
  },
  where: ({ reference, fiscalYear }) => `${reference.regency.name} · tahun anggaran ${fiscalYear}`,
  recorded: (form, fiscalYear, position) => recordedRegencyPath(form, fiscalYear, position),
};

/**
 * The camat's evaluation: chosen and shown over the village's year (its
 * submitted draft), recorded on the regency's year with the village in the
 * payload, since a village node may be the only writer of the village's
 * stream. The form's revision is the village's, not the regency's, so it is
 * not asked of the regency stream: the evaluation's own rules refuse a stale one.
 */
export const EVALUATION_TARGET: FormTarget<FormContext> = {
  ...VILLAGE_TARGET,
  kind: {
    ...villageStream,
    execute: (ledger, villageCode, fiscalYear, raw) => {
      const command = raw as CommandEnvelope<string, Record<string, unknown>>;
      return ledger.executeRegencyCommand(regencyOf(villageCode), fiscalYear, {
        ...command,
        payload: { ...command.payload, villageCode },
      });
    },
  },
};

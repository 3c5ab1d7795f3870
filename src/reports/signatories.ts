import { accessDecider, accessStreamId } from '../access/decider';
import { accessEventSchemas, type AccessEvent } from '../access/events';
import type { Role } from '../access/roles';
import type { User } from '../access/state';
import type { ReferenceData } from '../domain/reference/reference-data';
import { localDate } from '../domain/shared/local-date';
import { regencyOf } from '../domain/shared/region-codes';
import { fromRecorded } from '../eventstore/codec/event-codec';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import { STREAM_LOAD_PAGE_MAX } from '../limits';
import type { ReportDocument, Signatory } from './render/document';
import type { ReportScope } from './report-definition';

interface Office {
  heading: string;
  title: string;
  role: Role;
}

/**
 * The regency office that signs when its policy names none: the Dinas
 * Pemberdayaan Masyarakat dan Desa, which oversees village finance in most
 * regencies; others sign through their BPKAD (policy row `regencySignatory`).
 */
const defaultRegencySignatory = (reference: ReferenceData) =>
  `Kepala Dinas Pemberdayaan Masyarakat dan Desa ${reference.regency.name}`;

/**
 * Who signs a report, left to right: the village head acknowledges
 * ("Mengetahui") what the Kaur Keuangan prepared; a regency report is signed
 * by the regency office its policy names, alone.
 */
function officesOf(scope: ReportScope, reference: ReferenceData, code: string): Office[] {
  if (scope === 'regency')
    return [
      {
        heading: '',
        title: reference.policy.regencySignatoryTitle ?? defaultRegencySignatory(reference),
        role: 'regencyFinance',
      },
    ];
  const village = reference.villages.get(code)?.name ?? code;
  return [
    { heading: 'Mengetahui,', title: `Kepala Desa ${village}`, role: 'villageHead' },
    { heading: '', title: 'Kaur Keuangan', role: 'treasurer' },
  ];
}

/** Whether a user holds an office: active, in its role, for exactly that village or regency. */
const holds = (user: User | undefined, role: Role, scope: string): user is User =>
  user !== undefined && user.active && user.role === role && user.scope === scope;

/**
 * The name each office's signature shows on a report of `date`: the active
 * user who held its role for `scope` at the end of that date in the regency's
 * time zone, as the access stream recorded it (the latest registered when
 * several did). An office no one had held by then — the ledger knows none of
 * its holders before — shows the first holder recorded after it: villages
 * register their officers when they start using Kasdesa, often after the
 * years they bring along, and a reprint keeps the same name however the
 * office changes later. An office held before but vacant on the date stays
 * without a name.
 */
async function holderNames(
  store: EventStore,
  target: { reference: ReferenceData; scope: string; date: string },
  roles: readonly Role[],
): Promise<(string | null)[]> {
  const { reference, scope, date } = target;
  let state = accessDecider.initialState;
  const heldBefore = roles.map(() => false);
  let names: (string | null)[] | undefined;
  const onDate = () =>
    roles.map(
      (role) =>
        [...state.domain.users.values()].filter((user) => holds(user, role, scope)).at(-1)
          ?.displayName ?? null,
    );
  const unknownBefore = (found: (string | null)[]) =>
    roles.some((_, index) => found[index] === null && !heldBefore[index]);
  for (let fromRevision = 0n; ;) {
    const page = await readPage(store, accessStreamId(regencyOf(scope)), fromRevision);
    for (const recorded of page) {
      if (!names && localDate(new Date(recorded.recordedAt), reference.timeZone) > date) {
        names = onDate();
        if (!unknownBefore(names)) return names;
      }
      const event = fromRecorded<AccessEvent>(accessEventSchemas, recorded);
      state = accessDecider.evolve(state, event);
      fromRevision = recorded.revision + 1n;
      if (event.type !== 'UserRegistered' && event.type !== 'UserRoleAssigned') continue;
      const user = state.domain.users.get(event.data.userId);
      roles.forEach((role, index) => {
        if (!holds(user, role, scope)) return;
        if (!names) heldBefore[index] = true;
        else if (names[index] === null && !heldBefore[index]) names[index] = user.displayName;
      });
      if (names && !unknownBefore(names)) return names;
    }
    if (page.length < STREAM_LOAD_PAGE_MAX) return names ?? onDate();
  }
}

async function readPage(
  store: EventStore,
  stream: string,
  fromRevision: bigint,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream, { fromRevision, maxCount: STREAM_LOAD_PAGE_MAX });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/**
 * The document frame of a report of a village or regency signed on `date`:
 * the regency's paper, the place, and each office with the name of its
 * holder (holderNames).
 */
export async function reportDocument(
  store: EventStore,
  target: { scope: ReportScope; code: string; reference: ReferenceData; date: string },
): Promise<ReportDocument> {
  const { scope, code, reference, date } = target;
  const offices = officesOf(scope, reference, code);
  const names = await holderNames(
    store,
    { reference, scope: code, date },
    offices.map((office) => office.role),
  );
  const signatories = offices.map(({ heading, title }, index): Signatory => ({
    heading,
    title,
    name: names[index] ?? null,
  }));
  const place =
    scope === 'village'
      ? (reference.villages.get(code)?.name ?? code)
      : reference.regency.name.replace(/^Kabupaten\s+/i, '');
  return { paper: reference.policy.reportPaper, place, date, signatories };
}

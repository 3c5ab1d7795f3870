import { accessDecider, accessStreamId } from '../access/decider';
import { accessEventSchemas, type AccessEvent } from '../access/events';
import type { Role } from '../access/roles';
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
 * Who signs a report, left to right: the village head acknowledges
 * ("Mengetahui") what the Kaur Keuangan prepared; a regency report is signed
 * by the regency's finance office (DPMD/BPKAD) alone.
 */
function officesOf(scope: ReportScope, reference: ReferenceData, code: string): Office[] {
  if (scope === 'regency')
    return [
      {
        heading: '',
        title: `Kepala Dinas Pengelola Keuangan Desa ${reference.regency.name}`,
        role: 'regencyFinance',
      },
    ];
  const village = reference.villages.get(code)?.name ?? code;
  return [
    { heading: 'Mengetahui,', title: `Kepala Desa ${village}`, role: 'villageHead' },
    { heading: '', title: 'Kaur Keuangan', role: 'treasurer' },
  ];
}

/**
 * The access stream of the regency as it stood at the end of `date` in the
 * regency's time zone: the users recorded by then with the roles and scopes
 * they had then.
 */
async function usersOn(store: EventStore, reference: ReferenceData, regency: string, date: string) {
  let state = accessDecider.initialState;
  for (let fromRevision = 0n; ;) {
    const page = await readPage(store, accessStreamId(regency), fromRevision);
    for (const recorded of page) {
      if (localDate(new Date(recorded.recordedAt), reference.timeZone) > date)
        return state.domain.users;
      state = accessDecider.evolve(state, fromRecorded<AccessEvent>(accessEventSchemas, recorded));
      fromRevision = recorded.revision + 1n;
    }
    if (page.length < STREAM_LOAD_PAGE_MAX) return state.domain.users;
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
 * the regency's paper, the place, and each office with the name of the
 * active user who held its role for exactly that village or regency then
 * (the latest registered when several did; none when no one did).
 */
export async function reportDocument(
  store: EventStore,
  target: { scope: ReportScope; code: string; reference: ReferenceData; date: string },
): Promise<ReportDocument> {
  const { scope, code, reference, date } = target;
  const users = [...(await usersOn(store, reference, regencyOf(code), date)).values()];
  const signatories = officesOf(scope, reference, code).map(
    ({ heading, title, role }): Signatory => ({
      heading,
      title,
      name:
        users.filter((user) => user.active && user.role === role && user.scope === code).at(-1)
          ?.displayName ?? null,
    }),
  );
  const place =
    scope === 'village'
      ? (reference.villages.get(code)?.name ?? code)
      : reference.regency.name.replace(/^Kabupaten\s+/i, '');
  return { paper: reference.policy.reportPaper, place, date, signatories };
}

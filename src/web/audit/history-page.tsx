import { HISTORY_KINDS, type FigureHistory, type HistoryKind } from '../../audit/history';
import type { AuditTarget } from '../../http/audit-endpoints';
import { formatDate } from '../format';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { villageAuditPath } from './audit-paths';

const KIND_NAMES: Record<HistoryKind, string> = {
  'budget-line': 'Baris anggaran',
  spp: 'SPP',
  receipt: 'Penerimaan (TBP)',
  entry: 'Entri buku (BKU)',
  account: 'Rekening (sel laporan)',
  opening: 'Saldo awal dan SiLPA (id: saldo-awal)',
};

/** The query as typed: kind, id and (for an account) its fund source. */
export interface HistoryAsked {
  jenis: string;
  id: string;
  sumber: string;
}

/** A recorded instant shown the Indonesian way, with its time of day in UTC as stored. */
const shownInstant = (iso: string) => `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 19)} UTC`;

/** A figure's history: the events behind it, who recorded them, when on both clocks, why, by which command. */
export function HistoryPage({
  signedIn,
  target,
  asked,
  history,
}: {
  signedIn: PageSession;
  target: AuditTarget;
  asked: HistoryAsked;
  history: FigureHistory | undefined;
}) {
  const { user, session } = signedIn;
  const { villageCode, fiscalYear } = target;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Riwayat angka</h1>
      <p>
        Desa {villageCode}, tahun {fiscalYear}.
      </p>
      <form
        method="get"
        action={villageAuditPath(villageCode, fiscalYear, 'riwayat')}
        class="audit-form"
      >
        <label>
          Jenis
          <select name="jenis">
            {HISTORY_KINDS.map((kind) => (
              <option key={kind} value={kind} selected={kind === asked.jenis}>
                {KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Nomor / kode
          <input type="text" name="id" value={asked.id} />
        </label>
        <label>
          Sumber dana (hanya untuk rekening)
          <input type="text" name="sumber" value={asked.sumber} />
        </label>
        <button type="submit">Telusuri</button>
      </form>
      {history && (
        <>
          <h2>
            {KIND_NAMES[history.kind]} {history.id}: {history.events.length} peristiwa
          </h2>
          <ol class="audit-history">
            {history.events.map((event) => (
              <li key={event.eventId} data-event-id={event.eventId}>
                <h3>
                  {event.type} (revisi {event.revision.toString()})
                </h3>
                <dl>
                  <dt>Siapa</dt>
                  <dd>
                    {event.who.displayName} ({event.who.role})
                  </dd>
                  <dt>Tanggal bisnis</dt>
                  <dd>{event.businessDate ? formatDate(event.businessDate) : '—'}</dd>
                  <dt>Tercatat</dt>
                  <dd>{shownInstant(event.recordedAt)}</dd>
                  <dt>Perintah</dt>
                  <dd class="command-id">{event.commandId}</dd>
                  {event.importedFrom && (
                    <>
                      <dt>Asal</dt>
                      <dd>{event.importedFrom.id}</dd>
                    </>
                  )}
                  {event.flagged.length > 0 && (
                    <>
                      <dt>Pengecualian riwayat impor</dt>
                      <dd>{event.flagged.map((flag) => flag.messages.id).join('; ')}</dd>
                    </>
                  )}
                  <dt>Mengapa</dt>
                  <dd>{event.why.length > 0 ? event.why.join('; ') : '—'}</dd>
                  {event.reverses && (
                    <>
                      <dt>Membatalkan</dt>
                      <dd>{event.reverses}</dd>
                    </>
                  )}
                  {event.reversedBy.length > 0 && (
                    <>
                      <dt>Dibatalkan oleh</dt>
                      <dd>{event.reversedBy.join(', ')}</dd>
                    </>
                  )}
                  <dt>Peristiwa</dt>
                  <dd class="event-id">{event.eventId}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}

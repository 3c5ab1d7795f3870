import type { syncStatusView } from '../../sync/sync-record';
import { formatDate } from '../format';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';

type SyncStatus = ReturnType<typeof syncStatusView>;

/** The columns: each heading, and on a phone each card line's label. */
const NODE_HEADERS = {
  village: 'Desa',
  node: 'Simpul',
  registered: 'Terdaftar',
  lastSync: 'Sinkron terakhir',
  state: 'Keadaan',
} as const;
const QUARANTINE_HEADERS = {
  stream: 'Aliran',
  revision: 'Revisi',
  held: 'Peristiwa di kabupaten',
  sent: 'Peristiwa dari desa',
} as const;

/** An instant as a date and a UTC time: when a node last reached the regency. */
const when = (iso: string) => `${formatDate(iso)} ${iso.slice(11, 16)} UTC`;

function EventCell({ label, id, hash }: { label: string; id: string; hash: string }) {
  return (
    <td data-label={label}>
      <code>{id}</code>
      <small class="line">hash {hash.slice(0, 16)}…</small>
    </td>
  );
}

/** The village nodes with their last sync, and every quarantined stream with both sides' events. */
export function SyncStatusPage({
  signedIn,
  status,
}: {
  signedIn: PageSession;
  status: SyncStatus;
}) {
  return (
    <Layout user={signedIn.user} csrfToken={signedIn.session.csrfToken}>
      <h1>Sinkronisasi simpul desa</h1>
      <h2>Aliran dikarantina</h2>
      {status.quarantined.length === 0 ? (
        <p>Tidak ada aliran dikarantina.</p>
      ) : (
        <>
          <p role="alert">
            Sinkronisasi aliran berikut berhenti: revisi yang sama berisi peristiwa berbeda di
            kabupaten dan di desa. Tidak ada yang digabung; samakan kedua sisi, lalu akhiri
            karantina.
          </p>
          <table class="cards">
            <thead>
              <tr>
                {Object.values(QUARANTINE_HEADERS).map((heading) => (
                  <th scope="col">{heading}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.quarantined.map((divergence) => (
                <tr data-stream={divergence.stream}>
                  <td data-label={QUARANTINE_HEADERS.stream}>{divergence.stream}</td>
                  <td data-label={QUARANTINE_HEADERS.revision}>{divergence.revision}</td>
                  <EventCell
                    label={QUARANTINE_HEADERS.held}
                    id={divergence.heldId}
                    hash={divergence.heldHash}
                  />
                  <EventCell
                    label={QUARANTINE_HEADERS.sent}
                    id={divergence.sentId}
                    hash={divergence.sentHash}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Simpul desa</h2>
      {status.nodes.length === 0 ? (
        <p>Belum ada simpul desa terdaftar.</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              {Object.values(NODE_HEADERS).map((heading) => (
                <th scope="col">{heading}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {status.nodes.map((node) => (
              <tr data-node={node.nodeId}>
                <td data-label={NODE_HEADERS.village}>{node.villageCode}</td>
                <td data-label={NODE_HEADERS.node}>
                  <code>{node.nodeId}</code>
                </td>
                <td data-label={NODE_HEADERS.registered}>{formatDate(node.registeredAt)}</td>
                <td data-label={NODE_HEADERS.lastSync}>
                  {node.lastSync ? when(node.lastSync) : 'belum pernah'}
                </td>
                <td data-label={NODE_HEADERS.state}>{node.revoked ? 'Dicabut' : 'Aktif'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

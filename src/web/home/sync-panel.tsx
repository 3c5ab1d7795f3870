import type { TimeZone } from '../../domain/shared/local-date';
import type { NodeSyncStatus } from '../../sync/node-sync-status';
import { formatDateTime } from '../format';

/** On a village node: when it last synced with the regency, and what stopped syncing. */
export function SyncPanel({ status, timeZone }: { status: NodeSyncStatus; timeZone: TimeZone }) {
  return (
    <section class="sync-panel" aria-labelledby="sync-panel-title">
      <h2 id="sync-panel-title">Sinkronisasi</h2>
      <p>
        Sinkron terakhir dengan kabupaten:{' '}
        <strong data-last-sync>
          {status.lastSync ? formatDateTime(status.lastSync, timeZone) : 'belum pernah'}
        </strong>
      </p>
      <p>
        Menunggu dikirim ke kabupaten: <strong data-waiting>{status.waiting}</strong> peristiwa
      </p>
      {status.quarantined.length > 0 && (
        <div role="alert">
          <p>
            Sinkronisasi aliran berikut berhenti: revisi yang sama berisi peristiwa berbeda di desa
            dan di kabupaten. Tidak ada yang digabung atau dihapus. Jangan mencatat ulang; hubungi
            admin kabupaten untuk menyamakan kedua sisi, lalu admin mengakhiri karantina dengan
            perintah <code>kasdesa sync lift-quarantine</code>.
          </p>
          <ul>
            {status.quarantined.map((divergence) => (
              <li data-stream={divergence.stream}>
                {divergence.stream}, revisi {divergence.revision.toString()}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

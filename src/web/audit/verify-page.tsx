import type { LedgerVerification } from '../../audit/verify-ledger';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { AUDIT_PATH } from './audit-paths';

/** The hash chains and anchors re-checked: ok, or each stream's first broken link and each anchor mismatch. */
export function VerifyPage({
  signedIn,
  stream,
  result,
}: {
  signedIn: PageSession;
  stream: string | undefined;
  result: LedgerVerification;
}) {
  const { user, session } = signedIn;
  const events = result.streams.reduce((sum, s) => sum + s.events, 0);
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Periksa rantai hash</h1>
      <p>{stream === undefined ? 'Setiap aliran dalam cakupan Anda.' : `Aliran ${stream}.`}</p>
      <p class={result.ok ? 'verdict ok' : 'verdict broken'} data-ok={String(result.ok)}>
        {result.ok ? 'Utuh: setiap mata rantai dan jangkar cocok.' : 'Tidak utuh: lihat di bawah.'}
      </p>
      <dl class="audit-verify">
        <dt>Aliran diperiksa</dt>
        <dd data-streams={result.streams.length}>{result.streams.length}</dd>
        <dt>Peristiwa diperiksa</dt>
        <dd data-events={events}>{events}</dd>
        <dt>Jangkar diperiksa</dt>
        <dd data-anchors={result.anchorsChecked}>{result.anchorsChecked}</dd>
      </dl>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Aliran</th>
            <th scope="col">Peristiwa</th>
            <th scope="col">Hasil</th>
          </tr>
        </thead>
        <tbody>
          {result.streams.map((s) => (
            <tr key={s.stream}>
              <td data-label="Aliran">{s.stream}</td>
              <td data-label="Peristiwa">{s.events}</td>
              <td data-label="Hasil">
                {s.ok
                  ? 'ok'
                  : `putus pada revisi ${s.broken.revision.toString()} (peristiwa ${s.broken.eventId}): ${s.broken.reason}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.anchorMismatches.length > 0 && (
        <>
          <h2>Jangkar yang tidak cocok</h2>
          <ul>
            {result.anchorMismatches.map((m) => (
              <li key={`${m.stream}@${m.revision}`}>
                {m.stream}, revisi {m.revision.toString()}: {m.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={AUDIT_PATH}>Kembali ke audit</a>
      </p>
    </Layout>
  );
}

import { ReportTableView } from '../books/report-tables';
import { BudgetStage } from '../home/budget-stage';
import { Layout } from '../layout';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import { EVALUATIONS_PATH } from './district-paths';
import type { EvaluationView } from './evaluation-view';

/**
 * One village's APBDes draft as submitted to the camat, what changed since
 * the previous version (in words, not colour alone), and the way to the
 * evaluation form, whose command handler and rules decide.
 */
export function EvaluationPage({
  signedIn,
  view,
}: {
  signedIn: PageSession;
  view: EvaluationView;
}) {
  const { user, session } = signedIn;
  const { budget, document, lineChanges, totals } = view;
  const remarks = budget.draft?.remarks ?? [];
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <p>
        <a href={EVALUATIONS_PATH}>← Semua rancangan yang menunggu evaluasi</a>
      </p>
      <h1>
        Evaluasi APBDes Desa {view.villageName} · {view.fiscalYear}
      </h1>
      <p>
        {view.districtName && `Kecamatan ${view.districtName} · `}kode desa {view.villageCode}
      </p>
      <BudgetStage budget={budget} />
      {view.waiting && (
        <p class="decision">
          <a
            class="button"
            href={commandFormPath('RecordApbdesEvaluation', {
              desa: view.villageCode,
              tahun: String(view.fiscalYear),
            })}
          >
            Catat hasil evaluasi: setujui, atau kembalikan dengan catatan perbaikan
          </a>
        </p>
      )}
      {remarks.length > 0 && (
        <section>
          <h2>Catatan perbaikan evaluasi sebelumnya</h2>
          <ul>
            {remarks.map((remark) => (
              <li key={remark.lineId}>
                {remark.lineId}: {remark.remark}
              </li>
            ))}
          </ul>
        </section>
      )}
      {totals && <ReportTableView table={totals} />}
      {lineChanges &&
        (lineChanges.rows.length === 0 ? (
          <p>
            Tidak ada baris yang ditambah, dihapus atau diubah dari{' '}
            {view.baselineLabel ?? 'versi sebelumnya'}.
          </p>
        ) : (
          <ReportTableView table={lineChanges} />
        ))}
      {document && <ReportTableView table={document} />}
    </Layout>
  );
}

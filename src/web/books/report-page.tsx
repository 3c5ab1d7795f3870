import { Fragment } from 'preact';
import type { ReportDefinition } from '../../reports/report-definition';
import type { ReportDocument } from '../../reports/render/document';
import type { ReportTable } from '../../reports/render/table';
import { AttentionSection, type Attention } from '../home/attention-section';
import { Layout } from '../layout';
import { REPORTS_PATH } from '../paths';
import { monitoringPath } from '../regency/regency-paths';
import type { PageSession } from '../session/web-session';
import { ReportForm, type PageQuery } from './report-form';
import { DOWNLOAD_FORMATS, downloadPath, reportPath } from './report-paths';
import { ReportTableView, SignatureBlock } from './report-tables';

/** A report of the village: its parameters as a form, then its tables and downloads once they are given. */
export function ReportPage({
  signedIn,
  report,
  years,
  chosen,
  query,
  tables,
  document,
  attention,
}: {
  signedIn: PageSession;
  report: ReportDefinition;
  years: readonly number[];
  chosen: number;
  query: PageQuery;
  /** Undefined while a required parameter is still to be chosen. */
  tables: ReportTable[] | undefined;
  /** The signature block under the tables. */
  document?: ReportDocument | undefined;
  /** The village's open suspicions and imported exceptions, on a drill-down from the regency. */
  attention?: Attention | undefined;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <p>
        {query.desa ? (
          <a href={monitoringPath({ tahun: String(chosen) })}>{'← Pemantauan desa'}</a>
        ) : (
          <a href={`${REPORTS_PATH}?tahun=${chosen}`}>{'← Buku & laporan'}</a>
        )}
      </p>
      <h1>
        {report.title.id} · {chosen}
      </h1>
      {attention && <AttentionSection attention={attention} />}
      <ReportForm
        action={reportPath(report.name)}
        years={years}
        chosen={chosen}
        parameters={report.parameters}
        query={query}
      />
      {tables === undefined ? (
        <p>Pilih isian di atas, lalu tekan Tampilkan.</p>
      ) : (
        <>
          <p class="downloads">
            Unduh:
            {DOWNLOAD_FORMATS.map((format) => (
              <Fragment key={format}>
                {' '}
                <a href={downloadPath(report.name, format, query)} download>
                  {format.toUpperCase()}
                </a>
              </Fragment>
            ))}
          </p>
          {tables.length === 0 && <p>Tidak ada isi untuk pilihan ini.</p>}
          {tables.map((table) => (
            <ReportTableView key={table.name} table={table} />
          ))}
          {document && tables.length > 0 && <SignatureBlock document={document} />}
        </>
      )}
    </Layout>
  );
}

import { Layout } from '../layout';
import { REPORTS_PATH } from '../paths';
import type { PageSession } from '../session/web-session';
import type { Shelf } from './book-shelves';
import { YearField } from './report-form';
import { reportPath } from './report-paths';

/** The village's books and reports of a year the user may read, or why there are none here. */
export function BooksPage({
  signedIn,
  years,
  chosen,
  shelves,
}: {
  signedIn: PageSession;
  years: readonly number[];
  chosen: number | undefined;
  /** Undefined when the user's scope is not a village. */
  shelves: Shelf[] | undefined;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>{'Buku & laporan'}</h1>
      {shelves === undefined ? (
        <p>
          Buku dan laporan di sini milik satu desa. Cakupan Anda ({user.scope}) bukan desa; halaman
          untuk kecamatan dan kabupaten menyusul.
        </p>
      ) : chosen === undefined ? (
        <p>Belum ada tahun anggaran dengan data referensi untuk kabupaten Anda.</p>
      ) : (
        <>
          <form method="get" action={REPORTS_PATH} class="report-form">
            <YearField years={years} chosen={chosen} />
            <button type="submit">Pilih</button>
          </form>
          {shelves.length === 0 && <p>Peran Anda tidak membaca laporan desa.</p>}
          {shelves.map((shelf) => (
            <section key={shelf.heading}>
              <h2>{shelf.heading}</h2>
              <ul class="books">
                {shelf.reports.map(({ report, description }) => (
                  <li key={report.name} data-report={report.name}>
                    <a href={reportPath(report.name, { tahun: String(chosen) })}>
                      {report.title.id}
                    </a>
                    <p>{description}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}

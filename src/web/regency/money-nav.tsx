import type { ComponentChildren } from 'preact';
import type { Role } from '../../access/roles';
import { Layout } from '../layout';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import { YearField } from '../books/report-form';
import {
  ALLOCATIONS_PATH,
  MONITORING_PATH,
  REGENCY_MONEY_ROLES,
  STAGES_PATH,
  TRANSFERS_PATH,
} from './regency-paths';

const PAGES = [
  { path: MONITORING_PATH, text: 'Pemantauan' },
  { path: ALLOCATIONS_PATH, text: 'Pagu desa' },
  { path: STAGES_PATH, text: 'Tahap Dana Desa' },
  { path: TRANSFERS_PATH, text: 'Transfer & penerimaan' },
] as const;

/** The regency's pages side by side; only for the roles that may read the money pages. */
export function MoneyNav({ role, current }: { role: Role; current: string }) {
  if (!REGENCY_MONEY_ROLES.includes(role)) return null;
  return (
    <nav class="regency-nav" aria-label="Halaman kabupaten">
      {PAGES.map(({ path, text }) =>
        path === current ? (
          <strong key={path} aria-current="page">
            {text}
          </strong>
        ) : (
          <a key={path} href={path}>
            {text}
          </a>
        ),
      )}
    </nav>
  );
}

/** The year a money page shows, chosen without script. */
export function YearChoice({
  path,
  years,
  chosen,
}: {
  path: string;
  years: readonly number[];
  chosen: number;
}) {
  return (
    <form method="get" action={path} class="report-form">
      <YearField years={years} chosen={chosen} />
      <button type="submit">Tampilkan</button>
    </form>
  );
}

/**
 * What the three money pages share above their tables: the layout, the
 * regency pages' navigation, the title with its year, one line on what it
 * shows, the year choice and, for who may issue it, the link to its form.
 */
export function MoneyPageFrame({
  signedIn,
  path,
  title,
  intro,
  years,
  fiscalYear,
  form,
  children,
}: {
  signedIn: PageSession;
  path: string;
  title: string;
  intro: ComponentChildren;
  years: readonly number[];
  fiscalYear: number;
  /** The form the page leads to, when the user may issue its command. */
  form?: { type: string; label: string };
  children: ComponentChildren;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <MoneyNav role={user.role} current={path} />
      <h1>
        {title} · {fiscalYear}
      </h1>
      <p>{intro}</p>
      <YearChoice path={path} years={years} chosen={fiscalYear} />
      {form && (
        <p>
          <a href={commandFormPath(form.type, { tahun: String(fiscalYear) })}>{form.label}</a>
        </p>
      )}
      {children}
    </Layout>
  );
}

import { Layout } from '../layout';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import { formSlug, type AnyCommandForm } from './form-model';

/** The forms a role may use, by area, each with what its step is. */
export function FormListPage({
  signedIn,
  forms,
}: {
  signedIn: PageSession;
  forms: readonly AnyCommandForm[];
}) {
  const { user, session } = signedIn;
  const areas = [...new Set(forms.map((form) => form.area))];
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Formulir</h1>
      {forms.length === 0 && <p>Peran Anda tidak mencatat transaksi desa.</p>}
      {areas.map((area) => (
        <section key={area}>
          <h2>{area}</h2>
          <ul class="forms">
            {forms
              .filter((form) => form.area === area)
              .map((form) => (
                <li key={formSlug(form)}>
                  <a href={commandFormPath(formSlug(form))}>{form.title}</a>
                  <p class="hint">{form.explanation}</p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

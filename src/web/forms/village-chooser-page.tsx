import { Layout } from '../layout';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import { formSlug, type AnyCommandForm, type Choice } from './form-model';

/**
 * A village's form opened by someone whose scope is wider than one village
 * (the camat, the regency): which village it is for, asked first. A plain
 * GET form, so it works without a script; what the link prefilled travels on.
 */
export function VillageChooserPage({
  signedIn,
  form,
  villages,
  prefill,
}: {
  signedIn: PageSession;
  form: AnyCommandForm;
  villages: readonly Choice[];
  prefill: Readonly<Record<string, string>>;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>{form.title}</h1>
      <p>{form.explanation}</p>
      {villages.length === 0 ? (
        <p>Tidak ada desa dalam wilayah Anda.</p>
      ) : (
        <form method="get" action={commandFormPath(formSlug(form))}>
          {Object.entries(prefill).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label for="desa">Desa</label>
          <select id="desa" name="desa" required>
            {villages.map((village) => (
              <option key={village.value} value={village.value}>
                {village.label}
              </option>
            ))}
          </select>
          <button type="submit">Lanjut</button>
        </form>
      )}
    </Layout>
  );
}

import { Layout } from './layout';
import { ROLE_NAMES } from './role-names';
import type { PageSession } from './web-session';

/** The home of a signed-in user: their role and the region they work in. */
export function HomePage({ signedIn }: { signedIn: PageSession }) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Beranda</h1>
      <p>
        {ROLE_NAMES[user.role]} · wilayah {user.scope}
      </p>
    </Layout>
  );
}

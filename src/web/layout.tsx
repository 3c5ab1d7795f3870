import type { ComponentChildren } from 'preact';
import type { Role } from '../access/roles';
import { ROLE_NAMES } from './role-names';

export interface SignedInUser {
  displayName: string;
  role: Role;
}

/** The hidden field every form posts back: the session's CSRF token. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Header (who is signed in, and the logout form) over the page's main content. */
export function Layout({
  user,
  csrfToken,
  children,
}: {
  user?: SignedInUser;
  csrfToken?: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <header class="top">
        <a class="brand" href="/">
          Kasdesa
        </a>
        {user && csrfToken && (
          <div class="who">
            <span>
              {user.displayName} · {ROLE_NAMES[user.role]}
            </span>
            <form method="post" action="/keluar">
              <CsrfField token={csrfToken} />
              <button type="submit">Keluar</button>
            </form>
          </div>
        )}
      </header>
      <main>{children}</main>
    </>
  );
}

import type { BilingualText } from '../domain/shared/domain-error';
import { Layout } from './layout';

/** A refusal as a page: the rule's text, Indonesian first, and a way back. */
export function MessagePage({ title, back }: { title: BilingualText; back: string }) {
  return (
    <Layout>
      <h1>{title.id}</h1>
      <p lang="en">{title.en}</p>
      <p>
        <a href={back}>Kembali</a>
      </p>
    </Layout>
  );
}

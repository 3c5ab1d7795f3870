import type { BilingualText } from '../domain/shared/domain-error';
import { Layout } from './layout';

/** A refusal as a page: the rule's text, Indonesian first, what it named, and a way back. */
export function MessagePage({
  title,
  detail,
  back,
}: {
  title: BilingualText;
  detail?: BilingualText;
  back: string;
}) {
  return (
    <Layout>
      <h1>{title.id}</h1>
      <p lang="en">{title.en}</p>
      {detail && (
        <p class="detail">
          {detail.id}
          <span class="en" lang="en">
            {detail.en}
          </span>
        </p>
      )}
      <p>
        <a href={back}>Kembali</a>
      </p>
    </Layout>
  );
}

import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Where express.static serves src/web/assets. */
export const ASSETS_PATH = '/web/assets';

/**
 * A whole HTML document: Indonesian, sized for a phone, with Kasdesa's one
 * stylesheet and no script. Preact escapes every text and attribute value.
 */
export function renderPage(title: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Kasdesa`}</title>
        <link rel="stylesheet" href={`${ASSETS_PATH}/kasdesa.css`} />
      </head>
      <body>{body}</body>
    </html>,
  )}`;
}

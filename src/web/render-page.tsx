import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Where express.static serves src/web/assets. */
export const ASSETS_PATH = '/web/assets';
/** The bundled script (src/web/script-bundle.ts), served under ASSETS_PATH. */
export const SCRIPT_FILE = 'kasdesa.js';

/**
 * A whole HTML document: Indonesian, sized for a phone, with Kasdesa's one
 * stylesheet and its one small deferred script, which no page needs to
 * work. Preact escapes every text and attribute value.
 */
export function renderPage(title: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Kasdesa`}</title>
        <link rel="stylesheet" href={`${ASSETS_PATH}/kasdesa.css`} />
        <script src={`${ASSETS_PATH}/${SCRIPT_FILE}`} defer />
      </head>
      <body>{body}</body>
    </html>,
  )}`;
}

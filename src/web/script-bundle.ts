import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Request, RequestHandler, Response } from 'express';

/**
 * A script of src/web/browser bundled by esbuild once, when first asked
 * for, and the handler that serves it.
 */
export function scriptBundle(entryFile: string): { text: () => string; send: RequestHandler } {
  let bundled: string | undefined;
  const text = () =>
    (bundled ??= buildSync({
      entryPoints: [path.join(__dirname, 'browser', entryFile)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2019',
      write: false,
    }).outputFiles[0]!.text);
  const send = (_req: Request, res: Response) => {
    res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(text());
  };
  return { text, send };
}

const pageBundle = scriptBundle('enhance.ts');

/** The pages' one script. */
export const pageScript = pageBundle.text;
export const sendPageScript = pageBundle.send;

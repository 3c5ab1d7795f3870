import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Request, Response } from 'express';

const ENTRY = path.join(__dirname, 'browser', 'enhance.ts');

let bundled: string | undefined;

/** The pages' one script, bundled by esbuild from src/web/browser once, when first asked for. */
export function pageScript(): string {
  bundled ??= buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
  }).outputFiles[0]!.text;
  return bundled;
}

export function sendPageScript(_req: Request, res: Response): void {
  res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(pageScript());
}

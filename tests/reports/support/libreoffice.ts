import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Seven workbooks take ~10 s on a quiet machine; a hung office is killed well before jest's limit. */
export const LIBREOFFICE_TIMEOUT_MS = 150_000;
/** Enough of soffice's complaints to say why it failed. */
const STDERR_TAIL_MAX = 4_000;

/**
 * A profile that makes Calc recompute OOXML formulas on load (mode 0, always)
 * instead of trusting the cached results exceljs wrote.
 */
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens the workbooks in headless LibreOffice Calc with a private profile
 * under `workDir` and saves them, recomputed, as xlsx files of the same names
 * in `outDir`. Rejects when soffice cannot start, fails or outlives the limit.
 */
export async function recalculateWithLibreOffice(
  workbooks: string[],
  outDir: string,
  workDir: string,
): Promise<void> {
  await convertWithLibreOffice(workbooks, outDir, workDir, 'xlsx');
}

/** The same, printed to PDF files of the same names: what a regency office gets when it prints. */
export async function printWithLibreOffice(
  workbooks: string[],
  outDir: string,
  workDir: string,
): Promise<void> {
  await convertWithLibreOffice(workbooks, outDir, workDir, 'pdf');
}

async function convertWithLibreOffice(
  workbooks: string[],
  outDir: string,
  workDir: string,
  format: 'xlsx' | 'pdf',
): Promise<void> {
  const profile = join(workDir, 'libreoffice-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  const args = [
    '--headless',
    `-env:UserInstallation=file://${profile}`,
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...workbooks,
  ];
  await run('soffice', args, LIBREOFFICE_TIMEOUT_MS);
}

/** soffice hands the work to a child process: on timeout the whole process group is killed. */
function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_MAX);
    });
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ended with ${signal ?? `exit ${code}`}: ${stderr}`));
    });
  });
}

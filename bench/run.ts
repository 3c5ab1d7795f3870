import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { eventstoreBench } from './suites/eventstore';
import { peerBench } from './suites/peer';

/** A benchmark suite: runs its workload and its baseline in the same run and returns every figure. */
export type BenchSuite = () => Promise<Record<string, unknown>>;

const suites: Record<string, BenchSuite> = {
  eventstore: eventstoreBench,
  http: () =>
    import('./suites/http').then((suite) =>
      suite.httpBench({ profile: process.argv.includes('--profile') }),
    ),
  import: () => import('./suites/import').then((suite) => suite.importBench()),
  monitoring: () => import('./suites/monitoring').then((suite) => suite.monitoringBench()),
  peer: peerBench,
  reports: () => import('./suites/reports').then((suite) => suite.reportsBench()),
  reliability: () => import('./suites/reliability').then((suite) => suite.reliabilityBench()),
  documents: () => import('./suites/documents').then((suite) => suite.documentsBench()),
  ui: () => import('./suites/ui').then((suite) => suite.uiBench()),
  readload: () => import('./suites/readload').then((suite) => suite.readloadBench()),
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const suite = name ? suites[name] : undefined;
  if (!suite) {
    console.error(`Pemakaian / usage: npm run bench -- <${Object.keys(suites).join('|')}>`);
    process.exit(2);
  }
  const figures = await suite();
  const result = {
    suite: name,
    ranAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    ...figures,
  };
  const folder = join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  // A profiled run is slower than a plain one: its figures go beside the plain results, not over them.
  const file = process.argv.includes('--profile') ? `${name}-profile.json` : `${name}.json`;
  writeFileSync(join(folder, file), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nHasil ditulis ke / written to bench/results/${file}`);
}

let finished = false;
// A suite whose promise never settles would let Node exit quietly with status 0 and no results.
process.on('exit', (code) => {
  if (finished || code !== 0) return;
  console.error(
    'Bench berhenti sebelum selesai / the bench stopped before it finished (a promise never settled)',
  );
  process.exitCode = 1;
});

main().then(
  () => {
    finished = true;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

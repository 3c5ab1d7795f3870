import { SingleBar } from 'cli-progress';
import { createAccessService } from '../access/access-service';
import { DEMO_ADMIN_USERNAME } from '../access/bootstrap';
import { userByUsername } from '../access/state';
import type { EventStore } from '../eventstore/port';
import { DEMO_REGENCY, DEMO_YEAR } from './demo-regions';
import { DEMO_PASSWORD } from './demo-users';
import { seedDemo, type SeedOptions, type SeedSummary } from './seed-demo';

/** Seeding registers the demo administrator last, so its presence means a finished seeding. */
export async function demoSeeded(store: EventStore): Promise<boolean> {
  const access = createAccessService({ store, regencyCode: DEMO_REGENCY.code });
  return userByUsername((await access.load()).state, DEMO_ADMIN_USERNAME) !== undefined;
}

/** Seeds the demo with a progress bar on stderr (plain lines when stderr is not a terminal). */
export async function seedDemoWithProgress(
  store: EventStore,
  options: Pick<SeedOptions, 'villages' | 'fullYear'>,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<SeedSummary> {
  const bar = new SingleBar({
    stream,
    format: 'demo {phase}: {bar} {value}/{total}',
    noTTYOutput: true,
    notTTYSchedule: 2_000,
    gracefulExit: false,
  });
  const started = Date.now();
  let phase = '';
  const summary = await seedDemo(store, {
    ...options,
    onProgress(progress) {
      if (progress.phase !== phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.done, { phase });
      } else bar.update(progress.done, { phase });
    },
  });
  if (phase) bar.stop();
  stream.write(
    `Demo ${DEMO_REGENCY.name} ${DEMO_YEAR}: ${summary.villages} desa / villages ` +
      `(${summary.fullYear} setahun penuh / with a full year), ${summary.commands} perintah / commands, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return summary;
}

/** The demo logins, printed at every start of a demo server. */
export function announceDemo(docsUrl: string): void {
  console.log(
    [
      '',
      `Kasdesa demo: ${docsUrl} — ${DEMO_REGENCY.name} (${DEMO_REGENCY.code}), ${DEMO_YEAR}`,
      `Kata sandi semua pengguna demo / every demo login's password: ${DEMO_PASSWORD}`,
      '  admin (administrator), keuangan (regencyFinance), auditor (auditor)',
      '  camat.01 … camat.20 (districtHead of 35.99.01 … 35.99.20)',
      '  bendahara.01.2001, pka.01.2001, sekdes.01.2001, kades.01.2001 (desa / village 35.99.01.2001;',
      '  likewise {role}.{district}.{village} for every seeded village)',
      '  bendahara.18.2010, bendahara.19.2010, bendahara.20.2010 … (desa tanpa APBDes, mulai dari nol /',
      '  villages with no APBDes yet, to start a year from nothing)',
      '',
    ].join('\n'),
  );
}

import { SingleBar } from 'cli-progress';
import type { MigrationProgress } from '../eventstore/migrate-store';
import { PROGRESS_LOG_INTERVAL_MS } from '../limits';

export interface ProgressReporter {
  update(progress: MigrationProgress): void;
  stop(): void;
}

/** A progress bar on stderr; without a terminal, one plain line every ten seconds instead. */
export function migrationProgressBar(
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  const tty = stream.isTTY === true;
  const counts =
    '{value}/{total} peristiwa / events | {rate} per detik / per second | {skipped} sudah ada / already there';
  const bar = new SingleBar({
    stream,
    format: tty
      ? `{bar} {percentage}% | ${counts} | ETA {eta_formatted}`
      : `migrate-store: ${counts}`,
    noTTYOutput: true,
    notTTYSchedule: PROGRESS_LOG_INTERVAL_MS,
    gracefulExit: false,
    hideCursor: tty,
  });
  const startedAt = Date.now();
  let started = false;

  return {
    update(progress) {
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      const payload = { rate: Math.round(progress.copied / seconds), skipped: progress.skipped };
      if (!started) {
        bar.start(progress.total, progress.processed, payload);
        started = true;
      } else {
        bar.update(progress.processed, payload);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

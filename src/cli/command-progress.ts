import { SingleBar } from 'cli-progress';
import { PROGRESS_LOG_INTERVAL_MS } from '../limits';

/**
 * A long command's progress on stderr (stdout keeps its results): a bar on a
 * terminal; without one, a plain line named by the command at the start,
 * every PROGRESS_LOG_INTERVAL_MS and at the end. `counts` is cli-progress's
 * format of the figures ({value}, {total} and the payload's names).
 */
export function commandProgress(
  command: string,
  counts: string,
  stream: NodeJS.WriteStream = process.stderr,
) {
  const tty = stream.isTTY === true;
  const bar = new SingleBar({
    stream,
    format: tty ? `{bar} {percentage}% | ${counts}` : `${command}: ${counts}`,
    noTTYOutput: true,
    notTTYSchedule: PROGRESS_LOG_INTERVAL_MS,
    gracefulExit: false,
    hideCursor: tty,
  });
  let started = false;
  return {
    show(value: number, total: number, payload: Record<string, unknown> = {}): void {
      if (started) bar.update(value, payload);
      else bar.start(total, value, payload);
      started = true;
    },
    stop(): void {
      if (started) bar.stop();
      started = false;
    },
  };
}

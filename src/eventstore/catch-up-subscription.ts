import type { AppendSignal } from './append-signal';
import type { AllFilter, ReadAllOptions, RecordedEvent, Subscription } from './port';
import { SUBSCRIPTION_PAGE_MAX } from '../limits';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  signal: AppendSignal;
}

/**
 * A catch-up subscription built on paging `$all`: it reads from the
 * checkpoint until a page comes back empty (caught up), then waits for the
 * next append and reads again. Used by the adapters that live in this process.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  options: { after?: bigint; filter?: AllFilter },
): Subscription {
  const stopper = new AbortController();
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  async function* deliver(): AsyncGenerator<RecordedEvent> {
    let checkpoint = options.after;
    while (!stopper.signal.aborted) {
      const seenVersion = source.signal.version;
      const page = await source.readAll({
        after: checkpoint,
        maxCount: SUBSCRIPTION_PAGE_MAX,
        filter: options.filter,
      });
      const lastPage = page.length < SUBSCRIPTION_PAGE_MAX;
      if (lastPage && page.length === 0) markCaughtUp();
      for (const [index, event] of page.entries()) {
        if (stopper.signal.aborted) return;
        checkpoint = event.position;
        // Resolved before the last yield: a subscriber that awaits it right after that event must not hang.
        if (lastPage && index === page.length - 1) markCaughtUp();
        yield event;
      }
      if (lastPage) await source.signal.wait(stopper.signal, seenVersion);
    }
  }

  const iterator = deliver();
  return {
    caughtUp,
    [Symbol.asyncIterator]: () => iterator,
    async stop() {
      stopper.abort();
      await iterator.return(undefined);
    },
  };
}

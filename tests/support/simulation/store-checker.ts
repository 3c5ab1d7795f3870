import { createLedger, type Ledger } from '../../../src/app/ledger';
import { GENESIS_HASH, storedHash } from '../../../src/eventstore/hash-chain';
import type { EventStore } from '../../../src/eventstore/port';
import { linkFault } from '../../../src/eventstore/verify-stream';
import { BooksCheck } from './books-check';
import { YEAR } from './scenario';

const VILLAGE_STREAM = /^village-(.+)-(\d{4})$/;

/**
 * Follows the store's `$all` after every step: checks each new event's link
 * in its stream's hash chain, folds village events into an independent
 * recomputation of the books, checks the invariants against the state the
 * ledger folds, and that no command's events appear twice.
 */
export class StoreChecker {
  private after: bigint | undefined;
  private readonly chains = new Map<string, { count: number; lastHash: string }>();
  private readonly books = new Map<string, BooksCheck>();
  /** Per command id: its stream and the revision after its last event. */
  private readonly commands = new Map<string, { stream: string; next: bigint }>();
  private ledger: Ledger;
  readonly violations: string[] = [];
  events = 0;

  constructor(private store: EventStore) {
    this.ledger = createLedger({ store });
  }

  /** After a reopen: the same content, a new connection. */
  reconnect(store: EventStore): void {
    this.store = store;
    this.ledger = createLedger({ store });
  }

  async check(step: number): Promise<void> {
    const touched = new Set<string>();
    for (;;) {
      const page = await this.store.readAll({ after: this.after, maxCount: 1000 });
      for (const event of page) {
        this.link(step, event);
        const village = VILLAGE_STREAM.exec(event.streamId);
        if (village) {
          const books = this.books.get(village[1]!) ?? new BooksCheck(event.streamId);
          this.books.set(village[1]!, books);
          books.apply(event);
          touched.add(village[1]!);
        }
        this.after = event.position;
        this.events += 1;
      }
      if (page.length < 1000) break;
    }
    for (const village of touched) {
      const state = await this.ledger.villageState(village, YEAR);
      this.violations.push(
        ...this.books
          .get(village)!
          .violations(state)
          .map((v) => `step ${step}: ${v}`),
      );
    }
  }

  private link(step: number, event: Parameters<typeof linkFault>[0]): void {
    const chain = this.chains.get(event.streamId) ?? { count: 0, lastHash: GENESIS_HASH };
    const fault = linkFault(event, chain.count, chain.lastHash);
    if (fault) this.violations.push(`step ${step}: ${event.streamId}@${event.revision}: ${fault}`);
    this.chains.set(event.streamId, { count: chain.count + 1, lastHash: storedHash(event) ?? '' });
    const commandId = event.metadata.commandId;
    if (typeof commandId !== 'string') return;
    const seen = this.commands.get(commandId);
    // A command's events are one contiguous run; a second run means it was applied twice.
    if (seen && (seen.stream !== event.streamId || seen.next !== event.revision))
      this.violations.push(
        `step ${step}: command ${commandId} applied more than once (${event.streamId}@${event.revision})`,
      );
    this.commands.set(commandId, { stream: event.streamId, next: event.revision + 1n });
  }
}

import { randomUUID } from 'node:crypto';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, LoggedEvent } from './event-log';
import { eventFilterOf, type EventFilter } from './filter';
import { readEventResponse, send, type ReadCall } from './wire';

const { AllOptions } = ReadReq.Options;

/**
 * A catch-up subscription to `$all`. It confirms, sends every stored event
 * after the start, then `caught_up` once it reaches the end of the log
 * (a control message servers send since 23.10), then follows live appends.
 * The start position is exclusive ("Catch-up subscriptions" page: "the
 * positions provided to the subscriptions are exclusive"). With a filter it
 * also sends checkpoints, counting every considered event.
 */
export class AllSubscription {
  private readonly filter: EventFilter;
  private next: number;
  private considered = 0;
  private caughtUpSent = false;
  private pumping = false;
  private pending = false;
  private closed = false;
  private unlisten: () => void = () => {};

  constructor(
    private readonly call: ReadCall,
    private readonly log: EventLog,
    options: ReadReq.Options,
    private readonly onClose: () => void,
  ) {
    this.filter = eventFilterOf(options);
    this.next = startIndex(log, options.getAll());
  }

  start(): void {
    this.call.on('cancelled', () => this.close());
    this.call.on('close', () => this.close());
    this.unlisten = this.log.onAppend(() => void this.pump());
    const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    void send(this.call, new ReadResp().setConfirmation(confirmation)).then(() => this.pump());
  }

  /** Ends the call from the server side (the server is shutting down). */
  end(): void {
    if (this.closed) return;
    this.close();
    this.call.end();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    this.onClose();
  }

  /** One pump at a time; an append during a pump makes it go round again. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pending = true;
      return;
    }
    this.pumping = true;
    do {
      this.pending = false;
      if (!(await this.sendAvailable())) return this.close();
    } while (this.pending && !this.closed);
    this.pumping = false;
  }

  private async sendAvailable(): Promise<boolean> {
    while (!this.closed && this.next < this.log.length) {
      const event = this.log.at(this.next++)!;
      if (!(await this.deliver(event))) return false;
    }
    if (this.closed) return false;
    if (!this.caughtUpSent) {
      this.caughtUpSent = true;
      return send(this.call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    }
    return true;
  }

  private async deliver(event: LoggedEvent): Promise<boolean> {
    if (this.filter.matches(event) && !(await send(this.call, readEventResponse(event, true))))
      return false;
    this.considered += 1;
    if (this.filter.checkpointEvery === undefined || this.considered < this.filter.checkpointEvery)
      return true;
    this.considered = 0;
    const checkpoint = new ReadResp.Checkpoint()
      .setCommitPosition(event.position.toString())
      .setPreparePosition(event.position.toString());
    return send(this.call, new ReadResp().setCheckpoint(checkpoint));
  }
}

function startIndex(log: EventLog, options: ReadReq.Options.AllOptions | undefined): number {
  switch (options?.getAllOptionCase()) {
    case AllOptions.AllOptionCase.POSITION:
      return log.indexAfter(BigInt(options.getPosition()!.getCommitPosition()));
    case AllOptions.AllOptionCase.END:
      return log.length;
    default:
      return 0;
  }
}

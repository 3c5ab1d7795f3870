import type { BilingualText } from './domain-error';

/** Where an event sits in the store: known to whoever read it, not to the domain. */
export interface EventPlace {
  streamId: string;
  revision: bigint;
}

/**
 * An event that cannot follow the state its stream is in: a payment for an
 * SPP never drafted, a stage change without a draft. Decisions never produce
 * one, so the stream or the code is wrong, and folding on would hide it.
 * The evolver names the event type and the reason; the layer that read the
 * event from the store places it at its stream and revision (`at`).
 */
export class ImpossibleEventError extends Error {
  override readonly name = 'ImpossibleEventError';

  constructor(
    readonly eventType: string,
    readonly reason: BilingualText,
    readonly place?: EventPlace,
  ) {
    const where = place
      ? {
          id: ` di aliran "${place.streamId}" revisi ${place.revision}`,
          en: ` in stream "${place.streamId}" at revision ${place.revision}`,
        }
      : { id: '', en: '' };
    super(
      `Peristiwa mustahil ${eventType}${where.id}: ${reason.id} / ` +
        `impossible event ${eventType}${where.en}: ${reason.en}`,
    );
  }

  /** The same error, placed at the stream and revision the event was read from. */
  at({ streamId, revision }: EventPlace): ImpossibleEventError {
    return new ImpossibleEventError(this.eventType, this.reason, { streamId, revision });
  }
}

/** An impossible event met while folding the event at `place`, placed there; other errors unchanged. */
export function placedAt(error: unknown, place: EventPlace): unknown {
  return error instanceof ImpossibleEventError ? error.at(place) : error;
}

import { DomainError } from '../shared/domain-error';
import { ImpossibleEventError } from '../shared/impossible-event';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookPosting } from './bookkeeping';
import { markSettled, negated, recordEntry, type BookEntry } from './books';
import type { VillageEventOf } from './events';
import type { Posting } from './postings';
import type { PaymentRequest, VillageState } from './state';

type Reversal = VillageEventOf<'EntryReversed'>['data'];

/**
 * Corrections: nothing is edited. A reversal names the entry it corrects and
 * why, undoes its movements in the open month, and the right entry follows
 * as an ordinary command.
 */
export const correctionHandlers: VillageHandlers<'ReverseEntry'> = {
  ReverseEntry: whenOpen<'ReverseEntry'>((command, state, _fiscalYear, context) => {
    const { entryId } = command.payload;
    const entry = state.books.entries.get(entryId);
    if (!entry) return new DomainError('ENTRY_KNOWN', 'entryId', entryId);
    const blocked = reversalBlocker(entry);
    if (blocked) return blocked;
    const reversal: Reversal = { ...command.payload, entryType: entry.type };
    const fact = villageFact('EntryReversed', reversal, reversal.date);
    return bookPosting(state, context, fact, reversalPosting(entry, reversal));
  }),
};

function reversalBlocker(entry: BookEntry): DomainError | undefined {
  const refuse = (id: string, en: string) =>
    new DomainError('ENTRY_REVERSIBLE', 'entryId', entry.entryId, { id, en });
  if (entry.reversed) return refuse('sudah dibalik', 'already reversed');
  if (entry.type === 'EntryReversed') return refuse('ini pembalikan', 'this is a reversal');
  return entry.settledBy === undefined
    ? undefined
    : refuse(`balik dulu ${entry.settledBy}`, `reverse ${entry.settledBy} first`);
}

function reversalPosting(entry: BookEntry, reversal: Reversal): Posting {
  return {
    entryId: reversal.reversalId,
    date: reversal.date,
    movements: negated(entry.movements),
    settles: [],
  };
}

/** A reversed payment leaves its SPP approved again; a reversed SPJ leaves the panjar outstanding. */
const REQUEST_AFTER_REVERSAL: Record<
  string,
  {
    matches: (request: PaymentRequest, entryId: string) => boolean;
    revert: (request: PaymentRequest) => PaymentRequest;
  }
> = {
  PaymentRequestPaid: {
    matches: (request, entryId) => request.payment?.paymentId === entryId,
    revert: (request) => ({ ...request, status: 'approved', payment: undefined }),
  },
  PanjarAccounted: {
    matches: (request, entryId) => request.spjId === entryId,
    revert: (request) => ({ ...request, status: 'advanced', spjId: undefined }),
  },
};

function revertRequest(state: VillageState, reversal: Reversal): VillageState {
  const rule = REQUEST_AFTER_REVERSAL[reversal.entryType];
  const request =
    rule &&
    [...state.paymentRequests.values()].find((each) => rule.matches(each, reversal.entryId));
  if (!rule) return state;
  if (!request)
    throw new ImpossibleEventError('EntryReversed', {
      id: `tidak ada SPP untuk entri ${reversal.entryId}`,
      en: `no SPP belongs to the entry ${reversal.entryId}`,
    });
  return {
    ...state,
    paymentRequests: state.paymentRequests.set(request.request.sppId, rule.revert(request)),
  };
}

export const correctionEvolvers: VillageEvolvers<'EntryReversed'> = {
  EntryReversed: (state, event) => {
    const entry = state.books.entries.get(event.data.entryId);
    if (!entry)
      throw new ImpossibleEventError(event.type, {
        id: `entri ${event.data.entryId} tidak ada`,
        en: `the entry ${event.data.entryId} does not exist`,
      });
    const recorded = recordEntry(state.books, {
      ...reversalPosting(entry, event.data),
      type: 'EntryReversed',
    });
    const entries = markSettled(recorded.entries, entry.settles, undefined, event.type).set(
      entry.entryId,
      {
        ...entry,
        reversed: true,
      },
    );
    return revertRequest({ ...state, books: { ...recorded, entries } }, event.data);
  },
};

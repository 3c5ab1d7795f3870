import { requireFundSource } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { ImpossibleEventError } from '../shared/impossible-event';
import { PersistentMap } from '../shared/persistent-map';
import { toAmountText, rupiah } from '../shared/money';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { requireNoDraft, requireStage } from './budget-stage';
import { resolveLine } from './line-resolution';
import { latestVersion, withLineChanges, type BudgetDraft, type VillageState } from './state';

const EDITABLE = ['draft', 'correctionsRequested'] as const;

/** Starting a version (the APBDes or a Perubahan) and editing its lines. */
export const draftingHandlers: VillageHandlers<
  'StartApbdesDraft' | 'DraftApbdesLine' | 'RemoveApbdesLine' | 'RecordAllocationDifference'
> = {
  StartApbdesDraft: whenOpen<'StartApbdesDraft'>((_command, state) => {
    const busy = requireNoDraft(state.budget);
    if (busy) return busy;
    const latest = latestVersion(state.budget);
    if (latest) return new DomainError('BUDGET_LIFECYCLE', 'version', latest.label);
    return [villageFact('ApbdesDraftStarted', {})];
  }),

  DraftApbdesLine: whenOpen<'DraftApbdesLine'>((command, state, _fiscalYear, context) => {
    const draft = requireStage(state.budget, EDITABLE, 'LINES_EDITABLE');
    if (draft instanceof DomainError) return draft;
    const line = resolveLine(command.payload.line, 'line', draft.lines, state.planning, context);
    if (line instanceof DomainError) return line;
    return [villageFact('ApbdesLineDrafted', { line })];
  }),

  RemoveApbdesLine: whenOpen<'RemoveApbdesLine'>((command, state) => {
    const draft = requireStage(state.budget, EDITABLE, 'LINES_EDITABLE');
    if (draft instanceof DomainError) return draft;
    const { lineId } = command.payload;
    if (!draft.lines.has(lineId)) return new DomainError('LINE_KNOWN', 'lineId', lineId);
    return [villageFact('ApbdesLineRemoved', { lineId })];
  }),

  RecordAllocationDifference: whenOpen<'RecordAllocationDifference'>(
    (command, _state, _fiscalYear, context) => {
      const { source } = command.payload;
      const known = requireFundSource(context.reference, 'source', source);
      if (known instanceof DomainError) return known;
      return [
        villageFact('AllocationDifferenceRecorded', {
          ...command.payload,
          allocatedAmount: toAmountText(rupiah(context.allocations.get(source) ?? '0')),
        }),
      ];
    },
  ),
};

/** Applies a change to the draft; events only follow decisions that found one. */
export function updateDraft(
  state: VillageState,
  eventType: string,
  change: (draft: BudgetDraft) => BudgetDraft,
): VillageState {
  return { ...state, budget: { ...state.budget, draft: change(requireDraft(state, eventType)) } };
}

/** The version being prepared, which an event that changes it must find. */
export function requireDraft(state: VillageState, eventType: string): BudgetDraft {
  const { draft } = state.budget;
  if (!draft)
    throw new ImpossibleEventError(eventType, {
      id: 'tidak ada rancangan APBDes',
      en: 'there is no APBDes draft',
    });
  return draft;
}

export const draftingEvolvers: VillageEvolvers<
  'ApbdesDraftStarted' | 'ApbdesLineDrafted' | 'ApbdesLineRemoved' | 'AllocationDifferenceRecorded'
> = {
  ApbdesDraftStarted: (state) => ({
    ...state,
    budget: {
      ...state.budget,
      draft: { kind: 'original', stage: 'draft', lines: PersistentMap.empty(), remarks: [] },
    },
  }),
  ApbdesLineDrafted: (state, event) =>
    updateDraft(state, event.type, (draft) => ({
      ...draft,
      lines: withLineChanges(draft.lines, [event.data.line]),
    })),
  ApbdesLineRemoved: (state, event) =>
    updateDraft(state, event.type, (draft) => {
      if (!draft.lines.has(event.data.lineId))
        throw new ImpossibleEventError(event.type, {
          id: `baris ${event.data.lineId} tidak ada di rancangan`,
          en: `line ${event.data.lineId} is not in the draft`,
        });
      return { ...draft, lines: withLineChanges(draft.lines, [], [event.data.lineId]) };
    }),
  AllocationDifferenceRecorded: (state, event) => ({
    ...state,
    budget: {
      ...state.budget,
      allocationDifferences: state.budget.allocationDifferences.set(event.data.source, event.data),
    },
  }),
};

import { PersistentMap } from '../../src/domain/shared/persistent-map';
import type { BudgetLine, BudgetLines } from '../../src/domain/village/lines';
import { evaluationBaseline } from '../../src/domain/village/queries/evaluation-baseline';
import {
  initialVillageState,
  type BudgetVersion,
  type DraftStage,
  type VillageState,
} from '../../src/domain/village/state';

const linesOf = (amount: string): BudgetLines =>
  PersistentMap.empty<BudgetLine>().set('r', {
    kind: 'revenue',
    lineId: 'r',
    account: '4.2.1.01',
    source: 'DDS',
    amount,
    description: 'r',
  });

const enacted = (label: string, lines: BudgetLines): BudgetVersion => ({
  label,
  sequence: 1,
  kind: 'original',
  enactedBy: { document: 'Perdes', number: '1', date: '2024-12-20' },
  elaboratedBy: undefined,
  lines,
});

function stateWith(stage: DraftStage | undefined, versions: BudgetVersion[] = []): VillageState {
  const draft = stage && { kind: 'amendment' as const, stage, lines: linesOf('3'), remarks: [] };
  return { ...initialVillageState, budget: { ...initialVillageState.budget, draft, versions } };
}

describe('what a draft with the camat is compared with', () => {
  test('its previous submission, returned for corrections, before any enacted version', () => {
    const returned = linesOf('1');
    const baseline = evaluationBaseline(
      stateWith('submittedForEvaluation', [enacted('APBDes awal', linesOf('9'))]),
      2025,
      [returned, linesOf('3')],
      undefined,
    );
    expect(baseline).toEqual({
      kind: 'returned',
      label: 'Pengajuan ke-1 yang dikembalikan untuk perbaikan',
      fiscalYear: 2025,
      lines: returned,
    });
  });

  test('while corrections are made, the last submission is the one returned', () => {
    const returned = linesOf('1');
    expect(
      evaluationBaseline(stateWith('correctionsRequested'), 2025, [returned], undefined)?.lines,
    ).toBe(returned);
  });

  test('a first submission: the version enacted this year, else the previous year’s latest', () => {
    const thisYear = linesOf('5');
    expect(
      evaluationBaseline(
        stateWith('submittedForEvaluation', [enacted('APBDes awal', thisYear)]),
        2025,
        [linesOf('3')],
        undefined,
      ),
    ).toMatchObject({ kind: 'enacted', label: 'APBDes awal', fiscalYear: 2025, lines: thisYear });

    const lastYear = linesOf('7');
    const previous = stateWith(undefined, [enacted('Perubahan 1', lastYear)]);
    expect(
      evaluationBaseline(stateWith('submittedForEvaluation'), 2025, [linesOf('3')], previous),
    ).toMatchObject({ kind: 'enacted', label: 'Perubahan 1', fiscalYear: 2024, lines: lastYear });
  });

  test('no earlier version at all: nothing to compare with', () => {
    expect(
      evaluationBaseline(
        stateWith('submittedForEvaluation'),
        2025,
        [linesOf('3')],
        stateWith(undefined),
      ),
    ).toBeUndefined();
  });
});

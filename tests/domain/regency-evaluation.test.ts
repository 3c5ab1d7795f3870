import { regencyCommandSchemas } from '../../src/domain/regency/commands';
import { regencyDecider } from '../../src/domain/regency/decider';
import type { BudgetState } from '../../src/domain/village/state';
import { command, deciderSpecification, type RawCommand } from '../support/decider-specification';
import {
  bpdAgrees,
  regencyContext,
  smallDraft,
  toBpd,
  toEvaluation,
  VILLAGE,
  villageSpec,
} from '../support/village-fixtures';

/** The village's budget after these commands, as the regency's server holds its stream. */
function budgetAfter(commands: RawCommand[]): BudgetState {
  return villageSpec().givenCommands(commands.slice(0, -1)).when(commands.at(-1)!).thenState()
    .budget;
}

const submitted = () => budgetAfter([...smallDraft(), toBpd(), bpdAgrees(), toEvaluation()]);

const regencyOver = (evaluatedBudget: BudgetState) =>
  deciderSpecification(regencyDecider, regencyCommandSchemas, {
    ...regencyContext,
    evaluatedBudget,
  });

const open = () => command('OpenRegencyFiscalYear', {});

const evaluate = (
  reference = 'EV/1',
  outcome = 'approved',
  remarks: { lineId: string; remark: string }[] = [],
  villageCode = VILLAGE,
) =>
  command('RecordApbdesEvaluation', {
    villageCode,
    date: '2024-11-12',
    reference,
    outcome,
    remarks,
  });

describe("RecordApbdesEvaluation: the camat's evaluation on the regency stream", () => {
  it('records the evaluation of a draft submitted for evaluation, naming the village', () => {
    regencyOver(submitted())
      .givenCommands([open()])
      .when(evaluate())
      .then([
        {
          type: 'ApbdesEvaluated',
          data: {
            villageCode: VILLAGE,
            date: '2024-11-12',
            reference: 'EV/1',
            outcome: 'approved',
            remarks: [],
          },
        },
      ]);
  });

  it('refuses a draft that is not submitted for evaluation', () => {
    regencyOver(budgetAfter(smallDraft()))
      .givenCommands([open()])
      .when(evaluate())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'draft');
  });

  it('refuses corrections without remarks, and remarks on a line the draft lacks', () => {
    const spec = regencyOver(submitted()).givenCommands([open()]);
    spec
      .when(evaluate('EV/1', 'correctionsRequested'))
      .thenRejects('CORRECTION_REMARKS', 'remarks', '[]');
    spec
      .when(evaluate('EV/1', 'correctionsRequested', [{ lineId: 'ghost', remark: 'x' }]))
      .thenRejects('LINE_KNOWN', 'remarks[0].lineId', 'ghost');
  });

  it('refuses a village the regency does not have', () => {
    regencyOver(submitted())
      .givenCommands([open()])
      .when(evaluate('EV/1', 'approved', [], '35.10.01.2999'))
      .thenRejects('REGION_KNOWN', 'villageCode', '35.10.01.2999');
  });

  it('refuses a next evaluation while the village has not taken in the last one', () => {
    regencyOver(submitted())
      .givenCommands([open(), evaluate('EV/1')])
      .when(evaluate('EV/2'))
      .thenRejects('EVALUATION_AWAITS_VILLAGE', 'villageCode', VILLAGE);
  });

  it('refuses a reference already recorded for the village', () => {
    regencyOver(submitted())
      .givenCommands([open(), evaluate('EV/1')])
      .when(evaluate('EV/1', 'correctionsRequested', [{ lineId: 's-road', remark: 'x' }]))
      .thenRejects('EVALUATION_REFERENCE_UNIQUE', 'reference', 'EV/1');
  });
});

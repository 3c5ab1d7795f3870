import type { Role } from '../../src/access/roles';
import type { VillageState } from '../../src/domain/village/state';
import { formatRupiah } from '../../src/web/format';
import { waitingWork } from '../../src/web/home/waiting-work';
import {
  approveSpp,
  bpdAgrees,
  draftSpp,
  elaborate,
  enact,
  enactedExecutionBudget,
  evaluation,
  paySpp,
  receipt,
  reference,
  smallDraft,
  toBpd,
  toEvaluation,
  villageSpec,
} from '../support/village-fixtures';
import type { RawCommand } from '../support/decider-specification';

const stateAfter = (commands: RawCommand[]): VillageState =>
  villageSpec().replay(commands).domain as VillageState;

const hrefsFor = (state: VillageState, role: Role, asOf = '2025-01-15') =>
  waitingWork(state, role, asOf, reference.policy).map((item) => item.href);

const line = { lineId: 's-office', source: 'ADD', amount: '2500000.00', taxes: ['PPh22'] };
const budgetWithCash = () => [...enactedExecutionBudget(), elaborate(), receipt('R-1', '30000000')];

describe('waitingWork', () => {
  test('each APBDes step waits for the role that may take it, by the draft stage', () => {
    const stages: [RawCommand[], Role, string[]][] = [
      [smallDraft(), 'villageHead', ['/perintah/SubmitApbdesToBpd']],
      [smallDraft(), 'secretary', []],
      [[...smallDraft(), toBpd()], 'secretary', ['/perintah/RecordBpdAgreement']],
      [[...smallDraft(), toBpd()], 'villageHead', []],
      [
        [...smallDraft(), toBpd(), bpdAgrees()],
        'villageHead',
        ['/perintah/SubmitApbdesForEvaluation'],
      ],
      [
        [...smallDraft(), toBpd(), bpdAgrees(), toEvaluation()],
        'districtHead',
        ['/perintah/RecordApbdesEvaluation'],
      ],
      [
        [
          ...smallDraft(),
          toBpd(),
          bpdAgrees(),
          toEvaluation(),
          evaluation('correctionsRequested', [{ lineId: 's-road', remark: 'Rincian RAB' }]),
        ],
        'villageHead',
        ['/perintah/SubmitApbdesForEvaluation'],
      ],
      [
        [...smallDraft(), toBpd(), bpdAgrees(), toEvaluation(), evaluation()],
        'villageHead',
        ['/perintah/EnactApbdes'],
      ],
      [
        [...smallDraft(), toBpd(), bpdAgrees(), toEvaluation(), evaluation(), enact()],
        'villageHead',
        ['/perintah/ElaborateApbdes'],
      ],
      [
        [...smallDraft(), toBpd(), bpdAgrees(), toEvaluation(), evaluation(), enact(), elaborate()],
        'villageHead',
        [],
      ],
    ];
    for (const [commands, role, expected] of stages) {
      expect({ role, hrefs: hrefsFor(stateAfter(commands), role, '2024-10-01') }).toEqual({
        role,
        hrefs: expected,
      });
    }
  });

  test('an SPP waits for the executor, the secretary, the head and the treasurer in turn', () => {
    const drafted = [...budgetWithCash(), draftSpp('SPP-001', 'LS', 'office', [line])];
    const [submit, verify, approve] = approveSpp('SPP-001') as [RawCommand, RawCommand, RawCommand];
    const steps: [RawCommand[], Role, string][] = [
      [drafted, 'activityExecutor', 'SubmitPaymentRequest'],
      [[...drafted, submit], 'secretary', 'VerifyPaymentRequest'],
      [[...drafted, submit, verify], 'villageHead', 'ApprovePaymentRequest'],
      [[...drafted, submit, verify, approve], 'treasurer', 'PayPaymentRequest'],
    ];
    const roles: Role[] = ['activityExecutor', 'secretary', 'villageHead', 'treasurer'];
    for (const [commands, waitsFor, command] of steps) {
      const state = stateAfter(commands);
      for (const role of roles) {
        const spps = hrefsFor(state, role).filter((href) => href.includes('sppId'));
        expect({ role, spps }).toEqual({
          role,
          spps: role === waitsFor ? [`/perintah/${command}?sppId=SPP-001`] : [],
        });
      }
    }
    const [approved] = waitingWork(
      stateAfter([...drafted, submit, verify, approve]),
      'treasurer',
      '2025-01-15',
      reference.policy,
    );
    expect(approved!.text).toBe(
      `SPP SPP-001 · SPP SPP-001 · ${formatRupiah('2500000')} · menunggu dibayar`,
    );
  });

  test('the tax withheld waits for its deposit, overdue only after its due date', () => {
    const paid = stateAfter([
      ...budgetWithCash(),
      draftSpp('SPP-001', 'LS', 'office', [line]),
      ...approveSpp('SPP-001'),
      paySpp('PAY-001', 'SPP-001'),
    ]);
    // PPh22 at 1.5 % of 2 500 000, withheld on 5 February.
    const withheld = formatRupiah('37500');
    const taxes = (asOf: string) =>
      waitingWork(paid, 'treasurer', asOf, reference.policy)
        .filter((item) => item.commandType === 'DepositTax')
        .map(({ text, href }) => ({ text, href }));
    expect(taxes('2025-02-06')).toEqual([
      { href: '/perintah/DepositTax?tax=PPh22', text: `Pajak PPh22 · ${withheld} belum disetor` },
    ]);
    expect(taxes('2025-06-01')).toEqual([
      {
        href: '/perintah/DepositTax?tax=PPh22',
        text: `Pajak PPh22 · ${withheld} belum disetor · ${withheld} lewat jatuh tempo`,
      },
    ]);
  });

  test('months wait to be closed from the next one up to the month of the day, in the year', () => {
    const state = stateAfter(budgetWithCash());
    const months = (asOf: string, closing: Partial<VillageState['closing']> = {}) =>
      hrefsFor({ ...state, closing: { ...state.closing, ...closing } }, 'treasurer', asOf)
        .filter((href) => href.includes('CloseMonth'))
        .map((href) => href.slice('/perintah/CloseMonth?month='.length));
    expect(months('2025-03-10')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(months('2025-03-10', { lastClosedMonth: '2025-02' })).toEqual(['2025-03']);
    expect(months('2024-12-31')).toEqual([]);
    expect(months('2026-02-01', { lastClosedMonth: '2025-10' })).toEqual(['2025-11', '2025-12']);
    expect(months('2026-02-01', { lastClosedMonth: '2025-12' })).toEqual([]);
  });

  test('a role outside the village finance sees nothing waiting', () => {
    const state = stateAfter([...budgetWithCash(), draftSpp('SPP-001', 'LS', 'office', [line])]);
    expect(hrefsFor(state, 'auditor')).toEqual([]);
  });
});

import { lastDayOfMonth } from '../../../src/domain/village/calendar';
import {
  accountPanjarCommand,
  approvalCommands,
  bankFeeCommand,
  cashMutationCommand,
  closeMonthCommand,
  closeYearCommand,
  depositTaxCommand,
  draftPaymentRequestCommand,
  payCommand,
  receiptCommand,
  reverseEntryCommand,
} from '../../../src/scenario/execution-commands';
import { commandDraft, roleFor, type CommandDraft } from '../../../src/scenario/scenario-step';
import type { RawCommand } from '../decider-specification';
import type { Random } from './prng';
import { actorFor, VILLAGE_ROLES, type VillageRole } from './scenario';

/** One command of the workload: the village it goes to, who sends it, the command. */
export interface PlannedCommand {
  village: string;
  role: VillageRole;
  raw: RawCommand;
}

type SppStatus =
  | 'drafted'
  | 'submitted'
  | 'returned'
  | 'verified'
  | 'approved'
  | 'paid'
  | 'advanced'
  | 'closed'
  | 'rejected';

interface Spp {
  sppId: string;
  kind: 'UM' | 'LS' | 'PBY';
  lineId: string;
  amount: string;
  status: SppStatus;
}

interface VillageModel {
  /** Next month to close, 1..13 (13: all closed). */
  openMonth: number;
  spps: Map<string, Spp>;
  /** Entry ids the village has booked, for reversals. */
  entries: string[];
  yearClosed: boolean;
}

const SPENDING_LINES = [
  { lineId: 's-road', source: 'DDS', activityId: 'road' },
  { lineId: 's-office', source: 'ADD', activityId: 'office' },
  { lineId: 's-siltap', source: 'ADD', activityId: 'siltap' },
] as const;
const AMOUNTS = ['150000', '275000.50', '1250000', '2000000', '3999999.99', '7500000'];
const TAXES = ['PPh22', 'PPN', 'PPh23', 'PPh21'];
const ACCOUNTS = ['cashOnHand', 'bank'] as const;

/** What an accepted command moves the SPP to, by command type (and outcome). */
function sppStatusAfter(raw: RawCommand, spp: Spp): SppStatus | undefined {
  const payload = raw.payload as { outcome?: string };
  switch (raw.type) {
    case 'SubmitPaymentRequest':
      return 'submitted';
    case 'VerifyPaymentRequest':
      return payload.outcome === 'verified' ? 'verified' : 'returned';
    case 'ApprovePaymentRequest':
      return payload.outcome === 'approved' ? 'approved' : 'rejected';
    case 'PayPaymentRequest':
      return spp.kind === 'UM' ? 'advanced' : 'paid';
    case 'AccountPanjar':
      return 'closed';
    default:
      return undefined;
  }
}

const ENTRY_ID_FIELDS = [
  'receiptId',
  'paymentId',
  'spjId',
  'depositId',
  'mutationId',
  'feeId',
] as const;

/**
 * Random commands of many users over a few villages: receipts, the SPP
 * lifecycle, payments, panjar, mutations, bank fees, taxes, reversals and
 * closings. It keeps a rough model of what each village holds so most
 * commands make sense; the ledger still refuses what breaks a rule (too
 * little cash, a closed month, a line spent), and those refusals are part
 * of the test.
 */
export class Workload {
  private readonly models = new Map<string, VillageModel>();
  private sequence = 0;

  constructor(
    private readonly random: Random,
    readonly villages: readonly string[],
    /** Prefix of every id the workload makes, so that workloads sharing a store never collide. */
    private readonly prefix = 'w',
  ) {
    for (const village of villages)
      this.models.set(village, { openMonth: 1, spps: new Map(), entries: [], yearClosed: false });
  }

  next(): PlannedCommand {
    const village = this.random.pick(this.villages);
    const model = this.models.get(village)!;
    const advanceable = [...model.spps.values()].filter(
      (spp) => this.advance(village, spp) !== undefined,
    );
    const roll = this.random.next();
    if (roll < 0.4 && advanceable.length > 0)
      return this.advance(village, this.random.pick(advanceable))!;
    if (roll < 0.6) return this.receipt(village, model);
    if (roll < 0.75) return this.draft(village, model);
    if (roll < 0.8) return this.taxDeposit(village, model);
    if (roll < 0.85) return this.mutation(village, model);
    if (roll < 0.88) return this.bankFee(village, model);
    if (roll < 0.94 && model.entries.length > 0) return this.reversal(village, model);
    if (roll < 0.975 || model.openMonth > 12) return this.closing(village, model);
    return this.receipt(village, model);
  }

  /** Learns what an accepted command changed. */
  accepted(planned: PlannedCommand): void {
    const model = this.models.get(planned.village)!;
    const payload = planned.raw.payload as Record<string, unknown>;
    const sppId = payload.sppId as string | undefined;
    const spp = sppId === undefined ? undefined : model.spps.get(sppId);
    if (planned.raw.type === 'DraftPaymentRequest') {
      const line = (payload.lines as { lineId: string; amount: string }[])[0]!;
      model.spps.set(sppId!, {
        sppId: sppId!,
        kind: payload.kind as Spp['kind'],
        lineId: line.lineId,
        amount: line.amount,
        status: 'drafted',
      });
    } else if (spp) {
      spp.status = sppStatusAfter(planned.raw, spp) ?? spp.status;
    }
    if (planned.raw.type === 'CloseMonth') model.openMonth += 1;
    if (planned.raw.type === 'CloseFiscalYear') model.yearClosed = true;
    const entryField = ENTRY_ID_FIELDS.find((field) => typeof payload[field] === 'string');
    if (entryField) model.entries.push(payload[entryField] as string);
  }

  private fresh(kind: string): string {
    this.sequence += 1;
    return `${this.prefix}${this.sequence}-${kind}`;
  }

  /** A scenario command as the village official of its role, under a fresh command id. */
  private planned(village: string, { type, payload }: CommandDraft): PlannedCommand {
    const role = roleFor(type) as VillageRole;
    if (!VILLAGE_ROLES.includes(role)) throw new Error(`${type} is not a village official's`);
    const raw = { commandId: this.fresh('cmd'), type, payload, actor: actorFor(village, role) };
    return { village, role, raw };
  }

  /** A date in the open month or the next, so that some commands meet a month closed meanwhile. */
  private date(model: VillageModel, day = 5 + this.random.int(20)): string {
    const month = Math.min(12, model.openMonth + this.random.int(2));
    return `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  private receipt(village: string, model: VillageModel): PlannedCommand {
    const date = this.date(model);
    if (this.random.chance(0.1))
      return this.planned(
        village,
        commandDraft('RecordBankInterest', 'interest', {
          receiptId: this.fresh('BNG'),
          date,
          amount: '12500.75',
          bankName: 'Bank Jatim',
          statementReference: 'RK/01',
        }),
      );
    const pad = this.random.chance(0.3);
    return this.planned(
      village,
      receiptCommand({
        receiptId: this.fresh('TBP'),
        date,
        account: pad ? '4.1.1.01' : '4.2.3.01',
        source: pad ? 'PAD' : 'ADD',
        amount: this.random.pick(AMOUNTS),
        into: this.random.pick(ACCOUNTS),
        payer: pad ? 'BUM Desa' : 'RKUD Kabupaten Banyuwangi',
      }),
    );
  }

  private draft(village: string, model: VillageModel): PlannedCommand {
    const kind = this.random.pick(['LS', 'LS', 'UM', 'PBY'] as const);
    const sppId = this.fresh(kind);
    const amount = this.random.pick(AMOUNTS);
    const date = this.date(model);
    if (kind === 'PBY')
      return this.planned(
        village,
        draftPaymentRequestCommand({
          sppId,
          kind,
          date,
          lines: [{ lineId: 'f-bumdes', source: 'ADD', amount }],
        }),
      );
    const line = this.random.pick(SPENDING_LINES);
    const taxes = kind === 'LS' ? this.random.subset(TAXES, 2) : [];
    return this.planned(
      village,
      draftPaymentRequestCommand({
        sppId,
        kind,
        activityId: line.activityId,
        date,
        lines: [{ lineId: line.lineId, source: line.source, amount, taxes }],
      }),
    );
  }

  /** The next lifecycle step of an SPP, or undefined when it has none. */
  private advance(village: string, spp: Spp): PlannedCommand | undefined {
    const model = this.models.get(village)!;
    const sppId = spp.sppId;
    const date = this.date(model);
    const [submit, verify, approve] = approvalCommands(sppId, date) as [
      CommandDraft,
      CommandDraft,
      CommandDraft,
    ];
    const refused = (decision: CommandDraft, outcome: string, reason: string) => ({
      ...decision,
      payload: { ...decision.payload, outcome, reasons: [reason] },
    });
    switch (spp.status) {
      case 'drafted':
      case 'returned':
        return this.planned(village, submit);
      case 'submitted':
        return this.planned(
          village,
          this.random.chance(0.1) ? refused(verify, 'returned', 'bukti kurang') : verify,
        );
      case 'verified':
        return this.planned(
          village,
          this.random.chance(0.05) ? refused(approve, 'rejected', 'tidak sesuai') : approve,
        );
      case 'approved':
        return this.planned(
          village,
          payCommand(sppId, date, this.random.pick(ACCOUNTS), this.fresh('PAY')),
        );
      case 'advanced':
        return this.planned(village, this.panjarAccount(spp, date));
      default:
        return undefined;
    }
  }

  private panjarAccount(spp: Spp, date: string): CommandDraft {
    const share = this.random.int(3);
    const [whole = '0', fraction = '00'] = spp.amount.split('.');
    const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
    const spent = (cents * BigInt(share)) / 2n;
    const spjId = this.fresh('SPJ');
    return accountPanjarCommand(
      spp.sppId,
      date,
      [
        {
          lineId: spp.lineId,
          spent:
            spent === 0n ? undefined : `${spent / 100n}.${String(spent % 100n).padStart(2, '0')}`,
          taxes: spent === 0n ? [] : this.random.subset(TAXES, 1),
        },
      ],
      this.random.pick(ACCOUNTS),
      spjId,
    );
  }

  private taxDeposit(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      depositTaxCommand({
        depositId: this.fresh('SSP'),
        tax: this.random.pick(TAXES),
        date: this.date(model),
        amount: this.random.pick(['10000', '37500', '275000']),
        from: this.random.pick(ACCOUNTS),
        billingCode: '123456789012345',
        ntpn: 'A1B2C3D4E5F6G7H8',
      }),
    );
  }

  private mutation(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      cashMutationCommand(
        this.fresh('MUT'),
        this.date(model),
        this.random.pick(ACCOUNTS),
        this.random.pick(AMOUNTS),
        'mutasi kas',
      ),
    );
  }

  private bankFee(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      bankFeeCommand(
        this.fresh('ADM'),
        this.date(model, 28),
        this.random.pick(['15000', '2500.50']),
        's-bankfee',
        'RK/02',
      ),
    );
  }

  private reversal(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      reverseEntryCommand(
        this.fresh('REV'),
        this.random.pick(model.entries),
        this.date(model),
        'koreksi salah catat',
      ),
    );
  }

  private closing(village: string, model: VillageModel): PlannedCommand {
    if (model.openMonth > 12) return this.planned(village, closeYearCommand('2025-12-31'));
    const month = `2025-${String(model.openMonth).padStart(2, '0')}`;
    return this.planned(village, closeMonthCommand(month, lastDayOfMonth(month), '0', '0'));
  }
}

import { lastDayOfMonth } from '../../../src/domain/village/calendar';
import { command, type RawCommand } from '../decider-specification';
import { draftSpp, evidenceOf, paySpp } from '../village-fixtures';
import type { Random } from './prng';
import { actorFor, stamped, type VillageRole } from './scenario';

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

  private planned(village: string, role: VillageRole, raw: RawCommand): PlannedCommand {
    return { village, role, raw: stamped(raw, this.fresh('cmd'), actorFor(village, role)) };
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
        'treasurer',
        command('RecordBankInterest', {
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
      'treasurer',
      command('RecordReceipt', {
        receiptId: this.fresh('TBP'),
        date,
        account: pad ? '4.1.1.01' : '4.2.3.01',
        source: pad ? 'PAD' : 'ADD',
        amount: this.random.pick(AMOUNTS),
        into: this.random.pick(ACCOUNTS),
        payer: { name: pad ? 'BUM Desa' : 'RKUD Kabupaten Banyuwangi' },
        description: 'Penerimaan',
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
        'activityExecutor',
        draftSpp(sppId, kind, undefined, [{ lineId: 'f-bumdes', source: 'ADD', amount }], date),
      );
    const line = this.random.pick(SPENDING_LINES);
    const taxes = kind === 'LS' ? this.random.subset(TAXES, 2) : [];
    return this.planned(
      village,
      'activityExecutor',
      draftSpp(
        sppId,
        kind,
        line.activityId,
        [{ lineId: line.lineId, source: line.source, amount, taxes }],
        date,
      ),
    );
  }

  /** The next lifecycle step of an SPP, or undefined when it has none. */
  private advance(village: string, spp: Spp): PlannedCommand | undefined {
    const model = this.models.get(village)!;
    const sppId = spp.sppId;
    const date = this.date(model);
    const decision = (type: string, outcome: string, reasons: string[]) =>
      command(type, { sppId, date, outcome, reasons });
    switch (spp.status) {
      case 'drafted':
      case 'returned':
        return this.planned(
          village,
          'activityExecutor',
          command('SubmitPaymentRequest', { sppId, date }),
        );
      case 'submitted':
        return this.random.chance(0.1)
          ? this.planned(
              village,
              'secretary',
              decision('VerifyPaymentRequest', 'returned', ['bukti kurang']),
            )
          : this.planned(village, 'secretary', decision('VerifyPaymentRequest', 'verified', []));
      case 'verified':
        return this.random.chance(0.05)
          ? this.planned(
              village,
              'villageHead',
              decision('ApprovePaymentRequest', 'rejected', ['tidak sesuai']),
            )
          : this.planned(village, 'villageHead', decision('ApprovePaymentRequest', 'approved', []));
      case 'approved':
        return this.planned(
          village,
          'treasurer',
          paySpp(this.fresh('PAY'), sppId, { date, from: this.random.pick(ACCOUNTS) }),
        );
      case 'advanced':
        return this.planned(village, 'activityExecutor', this.panjarAccount(spp, date));
      default:
        return undefined;
    }
  }

  private panjarAccount(spp: Spp, date: string): RawCommand {
    const share = this.random.int(3);
    const [whole = '0', fraction = '00'] = spp.amount.split('.');
    const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
    const spent = (cents * BigInt(share)) / 2n;
    const evidence =
      spent === 0n
        ? []
        : [
            {
              ...evidenceOf(this.fresh('NOTA'), date),
              amount: `${spent / 100n}.${String(spent % 100n).padStart(2, '0')}`,
              taxes: this.random.subset(TAXES, 1),
            },
          ];
    return command('AccountPanjar', {
      spjId: this.fresh('SPJ'),
      sppId: spp.sppId,
      date,
      returnTo: this.random.pick(ACCOUNTS),
      lines: [{ lineId: spp.lineId, evidence }],
    });
  }

  private taxDeposit(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      'treasurer',
      command('DepositTax', {
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
    const from = this.random.pick(ACCOUNTS);
    return this.planned(
      village,
      'treasurer',
      command('RecordCashMutation', {
        mutationId: this.fresh('MUT'),
        date: this.date(model),
        from,
        to: from === 'bank' ? 'cashOnHand' : 'bank',
        amount: this.random.pick(AMOUNTS),
        description: 'mutasi kas',
      }),
    );
  }

  private bankFee(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      'treasurer',
      command('RecordBankFee', {
        feeId: this.fresh('ADM'),
        date: this.date(model, 28),
        amount: this.random.pick(['15000', '2500.50']),
        lineId: 's-bankfee',
        statementReference: 'RK/02',
      }),
    );
  }

  private reversal(village: string, model: VillageModel): PlannedCommand {
    return this.planned(
      village,
      'treasurer',
      command('ReverseEntry', {
        reversalId: this.fresh('REV'),
        entryId: this.random.pick(model.entries),
        date: this.date(model),
        reason: 'koreksi salah catat',
      }),
    );
  }

  private closing(village: string, model: VillageModel): PlannedCommand {
    if (model.openMonth > 12)
      return this.planned(village, 'treasurer', command('CloseFiscalYear', { date: '2025-12-31' }));
    const month = `2025-${String(model.openMonth).padStart(2, '0')}`;
    return this.planned(
      village,
      'treasurer',
      command('CloseMonth', {
        month,
        date: lastDayOfMonth(month),
        cashCount: '0',
        bankBalance: '0',
      }),
    );
  }
}

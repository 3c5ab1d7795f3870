import { createLedger } from '../../src/app/ledger';
import { balanceOf } from '../../src/domain/village/books';
import { villageStreamId } from '../../src/domain/village/decider';
import { draftSpp, paySpp } from '../support/village-fixtures';
import { cents } from '../support/simulation/books-check';
import {
  bearer,
  isExplainedRefusal,
  send,
  sendCommand,
  villagePath,
  type HttpAnswer,
} from '../support/simulation/http-client';
import {
  actorFor,
  LINE_BUDGET_CENTS,
  stamped,
  VILLAGES,
  YEAR,
  type VillageRole,
} from '../support/simulation/scenario';
import { command, type RawCommand } from '../support/decider-specification';
import { startReliabilityServer, type ReliabilityServer } from './support/reliability-server';

const VILLAGE = VILLAGES[0];
const CLIENTS = 50;
/** ADD received before the race: less than the two lines' budgets (54 m) and than what the clients ask (~17 m). */
const ADD_RECEIVED = ['5000000', '5000000'];
const ATTEMPTS = 1000;

const lineOf = (client: number) =>
  client % 2 === 0
    ? { lineId: 's-office', activityId: 'office' }
    : { lineId: 's-siltap', activityId: 'siltap' };
/** Distinct amounts with cents, about 350 000 on average. */
const amountOf = (client: number) =>
  `${150_000 + client * 7_919}.${String(client % 100).padStart(2, '0')}`;

interface ClientRun {
  client: number;
  answers: HttpAnswer[];
  /** The answer that ended the lifecycle: the payment's 201, or the refusal that stopped it. */
  final: HttpAnswer;
  finalType: string;
  retries: number;
}

/**
 * One clerk's SPP from draft to payment. One client in five sends If-Match
 * with the ETag it read (a stale one is refused 412 with the current ETag,
 * which it tries next); the others send none (a conflict that outlasts the server's retries is 409).
 * Both retry with the same Idempotency-Key until they are accepted or refused.
 */
async function runClient(server: ReliabilityServer, client: number): Promise<ClientRun> {
  const sppId = `SPP/${client}`;
  const { lineId, activityId } = lineOf(client);
  const steps: [VillageRole, RawCommand][] = [
    [
      'activityExecutor',
      draftSpp(
        sppId,
        'LS',
        activityId,
        [{ lineId, source: 'ADD', amount: amountOf(client) }],
        '2025-03-03',
      ),
    ],
    ['activityExecutor', command('SubmitPaymentRequest', { sppId, date: '2025-03-04' })],
    [
      'secretary',
      command('VerifyPaymentRequest', {
        sppId,
        date: '2025-03-04',
        outcome: 'verified',
        reasons: [],
      }),
    ],
    [
      'villageHead',
      command('ApprovePaymentRequest', {
        sppId,
        date: '2025-03-05',
        outcome: 'approved',
        reasons: [],
      }),
    ],
    ['treasurer', paySpp(`PAY/${client}`, sppId, { date: '2025-03-06', from: 'bank' })],
  ];
  const run: ClientRun = { client, answers: [], final: undefined!, finalType: '', retries: 0 };
  const withIfMatch = client % 5 === 0;
  for (const [role, raw] of steps) {
    const token = server.token(VILLAGE, role);
    const planned = {
      village: VILLAGE,
      role,
      raw: stamped(raw, `c${client}-${raw.type}`, actorFor(VILLAGE, role)),
    };
    let etag = withIfMatch ? await currentEtag(server, token) : undefined;
    for (let attempt = 1; ; attempt++) {
      if (attempt > ATTEMPTS) throw new Error(`client ${client}: ${raw.type} never settled`);
      const answer = await sendCommand(server.baseUrl, token, planned, {
        headers: etag ? { 'If-Match': etag } : {},
      });
      run.answers.push(answer);
      const contended = answer.status === 412 || answer.body?.rule === 'CONCURRENT_WRITES';
      if (contended) {
        run.retries += 1;
        // A 412 carries the stream's current ETag: try again from there.
        if (answer.status === 412) etag = String(answer.headers.etag);
        continue;
      }
      run.final = answer;
      run.finalType = raw.type;
      if (answer.status !== 201) return run;
      break;
    }
  }
  return run;
}

async function currentEtag(server: ReliabilityServer, token: string): Promise<string> {
  const answer = await send(villagePath(server.baseUrl, VILLAGE), { headers: bearer(token) });
  return String(answer.headers.etag);
}

describe('50 concurrent clients over HTTP spend the same line budgets and the same cash', () => {
  let server: ReliabilityServer;
  let runs: ClientRun[];

  beforeAll(async () => {
    server = await startReliabilityServer([VILLAGE]);
    for (const [index, amount] of ADD_RECEIVED.entries()) {
      const receipt = command('RecordReceipt', {
        receiptId: `TBP/ADD/${index}`,
        date: '2025-03-01',
        account: '4.2.3.01',
        source: 'ADD',
        amount,
        into: 'bank',
        payer: { name: 'RKUD Kabupaten Banyuwangi' },
        description: 'ADD tahap I',
      });
      const planned = {
        village: VILLAGE,
        role: 'treasurer' as const,
        raw: stamped(receipt, `receipt-${index}`, actorFor(VILLAGE, 'treasurer')),
      };
      expect(
        (await sendCommand(server.baseUrl, server.token(VILLAGE, 'treasurer'), planned)).status,
      ).toBe(201);
    }
    runs = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) => runClient(server, client)),
    );
  }, 300_000);

  afterAll(() => server.close());

  it('answers every request 201, or refuses it with 409, 412 or 422 naming the rule and the reason', () => {
    const answers = runs.flatMap((run) => run.answers);
    const unexplained = answers.filter(
      (answer) => answer.status !== 201 && !isExplainedRefusal(answer),
    );
    expect(unexplained.map((answer) => `${answer.status} ${answer.text}`)).toEqual([]);
    // The race is real: writers met each other, and the money ran out for some.
    expect(runs.reduce((total, run) => total + run.retries, 0)).toBeGreaterThan(0);
    expect(runs.filter((run) => run.final.status !== 201).length).toBeGreaterThan(0);
    expect(
      runs.filter((run) => run.finalType === 'PayPaymentRequest' && run.final.status === 201)
        .length,
    ).toBeGreaterThan(0);
  });

  it('books exactly the accepted payments: the 201s, the events and the village state agree to the cent', async () => {
    const paid = runs.filter(
      (run) => run.finalType === 'PayPaymentRequest' && run.final.status === 201,
    );
    const answered = paid.map((run) =>
      cents((run.final.body!.events as { data: { gross: string } }[])[0]!.data.gross),
    );
    const events = (await server.store.readStream(villageStreamId(VILLAGE, YEAR))).filter(
      (e) => e.type === 'PaymentRequestPaid',
    );
    const stored = events.map((event) => cents((event.data as { gross: string }).gross));
    const total = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
    expect(events.length).toBe(paid.length);
    expect(total(stored)).toBe(total(answered));
    // No lost update: each 201 names the revision where its payment is stored, under its own command.
    const byRevision = new Map(
      events.map((event) => [event.revision.toString(), event.metadata.commandId]),
    );
    for (const run of paid)
      expect(byRevision.get(String(run.final.body!.revision))).toBe(
        `${server.users.get(`${VILLAGE}/treasurer`)!.userId}:c${run.client}-PayPaymentRequest`,
      );

    const state = await createLedger({ store: server.store }).villageState(VILLAGE, YEAR);
    const booked = (kind: 'line' | 'source' | 'cash', id: string) =>
      cents(balanceOf(state.books, kind, id).toFixed(2));
    expect(booked('line', 's-office') + booked('line', 's-siltap')).toBe(total(stored));
    expect(booked('source', 'ADD')).toBe(total(ADD_RECEIVED.map(cents)) - total(stored));
    expect(booked('cash', 'bank')).toBe(
      9_750_000_00n + total(ADD_RECEIVED.map(cents)) - total(stored),
    );
  });

  it('never overspends, and refuses only what no longer fits', async () => {
    const state = await createLedger({ store: server.store }).villageState(VILLAGE, YEAR);
    const booked = (kind: 'line' | 'source', id: string) =>
      cents(balanceOf(state.books, kind, id).toFixed(2));
    const headroom = (lineId: string) => LINE_BUDGET_CENTS[lineId]! - booked('line', lineId);
    expect(headroom('s-office')).toBeGreaterThanOrEqual(0n);
    expect(headroom('s-siltap')).toBeGreaterThanOrEqual(0n);
    expect(booked('source', 'ADD')).toBeGreaterThanOrEqual(0n);
    // Room only shrinks, so what was refused for want of room must not fit what is left at the end.
    const refusedForRoom = runs.filter((run) =>
      ['FUND_RESTRICTION', 'BUDGET_LINE_AVAILABLE'].includes(String(run.final.body?.rule)),
    );
    expect(refusedForRoom.length).toBe(runs.filter((run) => run.final.status !== 201).length);
    for (const run of refusedForRoom) {
      const room =
        run.final.body!.rule === 'FUND_RESTRICTION'
          ? booked('source', 'ADD')
          : headroom(lineOf(run.client).lineId);
      expect(cents(amountOf(run.client))).toBeGreaterThan(room);
    }
  });
});

import type { Express } from 'express';
import request from 'supertest';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { formatRupiah, formatRupiahCell } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import {
  DISTRICT,
  OTHER_VILLAGE,
  REGENCY,
  startTestServer,
  YEAR,
  type TestServer,
} from '../http/support';
import { command } from '../support/decider-specification';
import { openRegency } from '../support/realistic-village';
import {
  bpdAgrees,
  enactedExecutionBudget,
  evaluation,
  spending,
  toBpd,
  toEvaluation,
  issueFixture,
} from '../support/village-fixtures';
import { formFields, signedInAgent } from './support/web-agent';

/** A village of the camat's district, and one of another district, both with a draft at the camat. */
const EVALUATED = `${DISTRICT}.2002`;
const ELSEWHERE = OTHER_VILLAGE;
/** The fixture budget's lifecycle commands (BPD, agreement, camat, evaluation, Perdes), dropped to stop at drafting. */
const LIFECYCLE_STEPS = 5;
const FORM = '/perintah/RecordApbdesEvaluation';
const CORRECTION_RULE = 'Permintaan perbaikan harus memuat catatan per baris';

/** The first table row naming `text` in a cell: on the evaluation page, the differences come first. */
function rowOf(html: string, text: string): string {
  const at = html.indexOf(`>${text}<`);
  expect(at).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
}

/** The village codes of the waiting table's rows. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr data-village="([^"]+)">/g)].map((match) => match[1]);

describe('the camat evaluates the APBDes drafts of his district', () => {
  let server: TestServer;
  let app: Express;
  let ledger: Ledger;
  const agents = new Map<string, request.Agent>();

  async function agent(username: string) {
    const found = agents.get(username) ?? (await signedInAgent(app, username));
    agents.set(username, found);
    return found;
  }

  /** The evaluation form as the page links it, and the hidden fields to post back. */
  async function evaluationForm(villageCode: string) {
    const head = await agent('districthead');
    const page = await head.get(`/kecamatan/evaluasi/${villageCode}?tahun=${YEAR}`).expect(200);
    const link = /href="(\/perintah\/RecordApbdesEvaluation\?[^"]+)"/.exec(page.text)?.[1];
    expect(link).toBeDefined();
    const form = await head.get(link!.replaceAll('&amp;', '&')).expect(200);
    return { head, hidden: formFields(form.text, FORM) };
  }

  const stage = async (villageCode: string) =>
    (await ledger.villageState(villageCode, YEAR)).budget.draft?.stage;

  beforeAll(async () => {
    server = await startTestServer({ pages: webPages });
    ({ app } = server);
    ledger = createLedger({ store: server.store });
    await openRegency(ledger);
    for (const villageCode of [EVALUATED, ELSEWHERE]) {
      await ledger.executeRegencyCommand(
        REGENCY,
        YEAR,
        command('SetAllocation', {
          villageCode,
          source: 'DDS',
          amount: '100000000',
          legalReference: { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' },
        }),
      );
      const commands = [
        ...enactedExecutionBudget().slice(0, -LIFECYCLE_STEPS),
        toBpd(),
        bpdAgrees(),
        toEvaluation(),
      ];
      for (const raw of commands) await issueFixture(ledger, villageCode, raw);
    }
  }, 120_000);

  test('the camat sees the draft waiting in his district, not the one of another district', async () => {
    const head = await agent('districthead');
    const home = await head.get('/beranda').expect(200);
    expect(home.text).toContain('href="/kecamatan/evaluasi"');
    const list = await head.get('/kecamatan/evaluasi').expect(200);
    expect(rowsOf(list.text)).toEqual([EVALUATED]);
    expect(list.text).toContain(`href="/kecamatan/evaluasi/${EVALUATED}?tahun=${YEAR}"`);
    expect(list.text).toContain('<a href="/kecamatan/evaluasi">Evaluasi APBDes</a>');

    const elsewhere = await head.get(`/kecamatan/evaluasi/${ELSEWHERE}?tahun=${YEAR}`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.text).toContain('di luar cakupan Anda');
  });

  test('the draft as submitted; after a return and a correction, the changed lines against the returned one', async () => {
    const head = await agent('districthead');
    const first = await head.get(`/kecamatan/evaluasi/${EVALUATED}?tahun=${YEAR}`).expect(200);
    // No earlier version: every line is new, the totals go from nothing to the draft's.
    expect(first.text).toContain('Ditambah');
    expect(rowOf(first.text, 'r-dds')).toContain(formatRupiah('100000000'));

    for (const raw of [
      evaluation('correctionsRequested', [{ lineId: 's-office', remark: 'Terlalu besar' }]),
      spending('s-office', 'office', '5.2.1.01', 'ADD', '1', '5000000'),
      spending('s-bankfee', 'office', '5.2.5.90', 'ADD', '32', '50000'),
      toEvaluation(),
    ])
      await issueFixture(ledger, EVALUATED, raw);

    const page = await head.get(`/kecamatan/evaluasi/${EVALUATED}?tahun=${YEAR}`).expect(200);
    expect(page.text).toContain('Pengajuan ke-1 yang dikembalikan untuk perbaikan');
    const office = rowOf(page.text, 's-office');
    expect(office).toContain('Diubah (amount, unitPrice)');
    expect(office).toContain(formatRupiah('6000000'));
    expect(office).toContain(formatRupiah('5000000'));
    expect(office).toContain(formatRupiahCell('-1000000'));
    expect(rowOf(page.text, 's-bankfee')).toContain(formatRupiah('1000000'));
    // An unchanged line appears only in the draft itself, after the differences.
    expect(page.text.indexOf('>s-road<')).toBeGreaterThan(
      page.text.indexOf('Rancangan APBDes yang diajukan'),
    );
    expect(page.text.match(/>Diubah/g)).toHaveLength(2);
    // Spending moved between two lines: its total stays what it was.
    expect(rowOf(page.text, 'JUMLAH BELANJA')).toContain('Tetap');
    expect(page.text).toContain('Terlalu besar');
  });

  test('returning without a reason is refused beside the field and writes nothing', async () => {
    const { head, hidden } = await evaluationForm(EVALUATED);
    const before = await server.store.streamRevision(`village-${EVALUATED}-${YEAR}`);
    const answer = await head
      .post(FORM)
      .type('form')
      .send({
        ...hidden,
        date: '12/11/2024',
        reference: '900/12/2024',
        outcome: 'correctionsRequested',
      });
    expect(answer.status).toBe(422);
    // Beside the list of remarks (its first input), not above the form.
    expect(answer.text).toMatch(
      new RegExp(
        `<p class="error" id="f-remarks-0-[^"]+-error" role="alert">\\[CORRECTION_REMARKS\\] ${CORRECTION_RULE}`,
      ),
    );
    expect(await server.store.streamRevision(`village-${EVALUATED}-${YEAR}`)).toBe(before);
    expect(await stage(EVALUATED)).toBe('submittedForEvaluation');
  });

  test('approving through the form moves the APBDes on to its enactment', async () => {
    const { head, hidden } = await evaluationForm(EVALUATED);
    await head
      .post(FORM)
      .type('form')
      .send({ ...hidden, date: '12/11/2024', reference: '900/13/2024', outcome: 'approved' })
      .expect(303);
    expect(await stage(EVALUATED)).toBe('evaluationApproved');
    const list = await head.get('/kecamatan/evaluasi').expect(200);
    expect(rowsOf(list.text)).toEqual([]);
  });

  test('the form opened from the forms list asks which village first, of his district only', async () => {
    const head = await agent('districthead');
    const chooser = await head.get(FORM).expect(200);
    const villages = [...chooser.text.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(villages).toContain(EVALUATED);
    expect(villages).not.toContain(ELSEWHERE);
    expect(villages.every((code) => code!.startsWith(`${DISTRICT}.`))).toBe(true);
    expect(chooser.text).toContain(`<form method="get" action="${FORM}">`);
    const chosen = await head.get(`${FORM}?desa=${EVALUATED}&tahun=${YEAR}`).expect(200);
    expect(formFields(chosen.text, FORM)._desa).toBe(EVALUATED);
  });

  test('a village treasurer gets 403 and no menu item', async () => {
    const treasurer = await agent('treasurer');
    const list = await treasurer.get('/kecamatan/evaluasi');
    expect(list.status).toBe(403);
    expect(list.headers['content-type']).toMatch(/^text\/html/);
    const page = await treasurer.get(`/kecamatan/evaluasi/${EVALUATED}?tahun=${YEAR}`);
    expect(page.status).toBe(403);
    const home = await treasurer.get('/beranda').expect(200);
    expect(home.text).not.toContain('/kecamatan/evaluasi');
  });
});

import { financingCommandSchemas } from '../../src/domain/village/financing-commands';
import type { Express } from 'express';
import request from 'supertest';
import { rolesFor } from '../../src/access/command-permissions';
import type { Role } from '../../src/access/roles';
import { createLedger } from '../../src/app/ledger';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import { villageStreamId } from '../../src/domain/village/decider';
import { executionCommandSchemas } from '../../src/domain/village/execution-commands';
import { BUDGET_FORMS } from '../../src/web/forms/catalog/budget-forms';
import { OPENING_FORMS } from '../../src/web/forms/catalog/opening-forms';
import { PLANNING_FORMS } from '../../src/web/forms/catalog/planning-forms';
import { formSlug } from '../../src/web/forms/form-model';
import { webPages } from '../../src/web/web-pages';
import {
  bearer,
  startTestServer,
  VILLAGE,
  VILLAGE_PATH,
  YEAR,
  type TestServer,
} from '../http/support';
import {
  allocate,
  buildRealisticVillage,
  openRegency,
  REALISTIC_TEMPLATE,
} from '../support/realistic-village';
import { formFields, signedInAgent } from './support/web-agent';

const FORMS = [...PLANNING_FORMS, ...BUDGET_FORMS, ...OPENING_FORMS];
const PLACE = `desa=${VILLAGE}&tahun=${YEAR}`;
const ISSUERS: readonly Role[] = [
  'treasurer',
  'activityExecutor',
  'secretary',
  'villageHead',
  'districtHead',
];

const issuerOf = (type: string) => rolesFor(type).find((role) => ISSUERS.includes(role));

/** A form's page for the village and year, and the hidden fields to post back. */
async function openForm(agent: request.Agent, slug: string) {
  const page = await agent.get(`/perintah/${slug}?${PLACE}`).expect(200);
  return { page, hidden: formFields(page.text, `/perintah/${slug}`) };
}

/** Fills and posts a form as a person would; the answer (a redirect, or the form with the refusal). */
async function post(agent: request.Agent, slug: string, typed: Record<string, string | string[]>) {
  const { hidden } = await openForm(agent, slug);
  return agent
    .post(`/perintah/${slug}`)
    .type('form')
    .send({ ...hidden, ...typed });
}

async function record(
  agent: request.Agent,
  slug: string,
  typed: Record<string, string | string[]>,
) {
  const answer = await post(agent, slug, typed);
  if (answer.status !== 303)
    throw new Error(
      `${slug} refused: ${answer.status} ${/role="alert">[^<]*/.exec(answer.text)?.[0]}`,
    );
}

/** `1152604000.00` as people type it: `1.152.604.000,00`. */
function withDots(amount: string): string {
  const [whole, cents] = amount.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, '.');
  return cents === undefined ? grouped : `${grouped},${cents}`;
}

describe('planning and APBDes forms: one per command, each shown to who may issue it', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ pages: webPages });
    await buildRealisticVillage(createLedger({ store: server.store }));
  });

  test('every planning/APBDes command a village official or the camat issues has a form', () => {
    const execution = new Set([
      ...Object.keys(executionCommandSchemas),
      ...Object.keys(financingCommandSchemas),
    ]);
    const commands = Object.keys(villageCommandSchemas).filter(
      (type) => !execution.has(type) && issuerOf(type) !== undefined,
    );
    expect(commands).toContain('DraftApbdesLine');
    const withForms = new Set<string>(FORMS.map((form) => form.type));
    expect(commands.filter((type) => !withForms.has(type))).toEqual([]);
  });

  test.each(FORMS.map((form) => [formSlug(form), form] as const))(
    '%s renders for its issuer with a one-line explanation',
    async (slug, form) => {
      expect(form.explanation.trim()).not.toBe('');
      expect(form.explanation).not.toContain('\n');
      const agent = await signedInAgent(server.app, issuerOf(form.type)!.toLowerCase());
      const { page } = await openForm(agent, slug);
      expect(page.text).toContain(`<h1>${form.title}</h1>`);
    },
  );
});

const DDS_ALLOCATION = REALISTIC_TEMPLATE.budgetLines.find(
  (line) => line.kind === 'revenue' && line.source === 'DDS',
)!.amount;

const activity = {
  activityId: 'jalan-krajan',
  subBidangCode: '02.03',
  kegiatanCode: '02.03.10',
  name: 'Pembangunan jalan rabat beton Dusun Krajan',
  'location.hamlet': 'Dusun Krajan',
  'location.latitude': '-7,8123',
  'location.longitude': '112,0178',
  'output.volume': '250',
  'output.unit': 'meter',
  'executor.name': 'Sutrisno',
  'executor.position': 'Kasi Kesejahteraan',
  'beneficiaries.description': 'Warga Dusun Krajan',
  'beneficiaries.count': '320',
  'estimatedCosts.0.source': 'DDS',
  'estimatedCosts.0.amount': withDots(DDS_ALLOCATION),
  'estimatedCosts.1.source': 'ADD',
  'estimatedCosts.1.amount': '150.000.000',
};

const spendingLine = {
  'line.lineId': 'b-jalan-dds',
  'line.activityId': 'jalan-krajan',
  'line.account': '5.3.5.03',
  'line.source': 'DDS',
  'line.earmark': 'non-earmarked',
  'line.volume': '1',
  'line.unit': 'paket',
  'line.unitPrice': `Rp ${withDots(DDS_ALLOCATION)}`,
  'line.description': 'Rabat beton Krajan (Dana Desa)',
};

describe('the APBDes of a fresh year, walked through the forms only', () => {
  let server: TestServer;
  let app: Express;
  const agents = {} as Record<
    'treasurer' | 'secretary' | 'villagehead' | 'districthead',
    request.Agent
  >;

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    ({ app } = server);
    const ledger = createLedger({ store: server.store });
    await openRegency(ledger);
    await allocate(ledger, VILLAGE);
    for (const name of ['treasurer', 'secretary', 'villagehead', 'districthead'] as const)
      agents[name] = await signedInAgent(app, name);
    await record(agents.treasurer, 'OpenVillageFiscalYear', {
      'openingBalances.cashOnHand': '0',
      'openingBalances.bank': '0',
    });
    await record(agents.secretary, 'PlanRkpdesActivity', activity);
    await record(agents.secretary, 'StartApbdesDraft', {});
  });

  test('draft, BPD, camat, Perdes and Penjabaran: the budget enacted with the lines as typed', async () => {
    const { secretary, villagehead, districthead } = agents;
    await record(secretary, 'DraftApbdesLine-pendapatan', {
      'line.lineId': 'r-dds',
      'line.source': 'DDS',
      'line.account': '4.2.1.01',
      'line.amount': withDots(DDS_ALLOCATION),
      'line.description': 'Dana Desa',
    });
    await record(secretary, 'DraftApbdesLine-pendapatan', {
      'line.lineId': 'r-add',
      'line.source': 'ADD',
      'line.account': '4.2.3.01',
      'line.amount': 'Rp 150.000.000',
      'line.description': 'Alokasi Dana Desa',
    });
    await record(secretary, 'DraftApbdesLine-belanja', spendingLine);
    await record(secretary, 'DraftApbdesLine-belanja', {
      'line.lineId': 'b-jalan-add',
      'line.activityId': 'jalan-krajan',
      'line.account': '5.3.5.03',
      'line.source': 'ADD',
      'line.volume': '250',
      'line.unit': 'meter',
      'line.unitPrice': '600.000',
      'line.description': 'Rabat beton Krajan (ADD)',
    });
    await record(villagehead, 'SubmitApbdesToBpd', { date: '7/10/2024' });
    await record(secretary, 'RecordBpdAgreement', {
      date: '21/10/2024',
      minutesNumber: 'BA/BPD/2024/11',
    });
    await record(villagehead, 'SubmitApbdesForEvaluation', { date: '23/10/2024' });
    await record(districthead, 'RecordApbdesEvaluation', {
      date: '14/11/2024',
      reference: '900/77/2024',
      outcome: 'approved',
    });
    await record(villagehead, 'EnactApbdes', { perdesNumber: '5 Tahun 2024', date: '19/12/2024' });
    await record(villagehead, 'ElaborateApbdes', {
      perkadesNumber: '14 Tahun 2024',
      date: '23/12/2024',
    });

    const year = await request(app)
      .get(VILLAGE_PATH)
      .set(bearer(server.tokens.secretary))
      .expect(200);
    const { budget } = year.body.state;
    expect(year.body.state.planning.activities['jalan-krajan'].location).toEqual({
      hamlet: 'Dusun Krajan',
      latitude: -7.8123,
      longitude: 112.0178,
    });
    expect(budget.draft).toBeUndefined();
    expect(budget.versions).toHaveLength(1);
    const [version] = budget.versions;
    expect(version.enactedBy).toEqual({
      document: 'Perdes',
      number: '5 Tahun 2024',
      date: '2024-12-19',
    });
    expect(version.elaboratedBy).toEqual({
      document: 'Perkades',
      number: '14 Tahun 2024',
      date: '2024-12-23',
    });
    expect(version.lines).toEqual({
      'r-dds': expect.objectContaining({ kind: 'revenue', source: 'DDS', amount: DDS_ALLOCATION }),
      'r-add': expect.objectContaining({
        kind: 'revenue',
        account: '4.2.3.01',
        amount: '150000000.00',
      }),
      'b-jalan-dds': expect.objectContaining({
        kind: 'spending',
        earmark: 'non-earmarked',
        unitPrice: DDS_ALLOCATION,
        kegiatanCode: '02.03.10',
      }),
      'b-jalan-add': expect.objectContaining({
        kind: 'spending',
        volume: '250',
        unitPrice: '600000.00',
        amount: '150000000.00',
        earmark: null,
      }),
    });
  });

  test('a ledger rule on a choice: a spending line for an unknown activity, beside the activity', async () => {
    const page = await post(agents.secretary, 'DraftApbdesLine-belanja', {
      ...spendingLine,
      'line.activityId': 'tidak-ada',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-line-activityId-error" role="alert">\[ACTIVITY_KNOWN\]/);
    expect(page.text).toContain('<option value="tidak-ada" selected>tidak-ada</option>');
  });

  test('money the schema cannot read, beside the amount', async () => {
    const page = await post(agents.secretary, 'DraftApbdesLine-pendapatan', {
      'line.lineId': 'r-add',
      'line.source': 'ADD',
      'line.account': '4.2.3.01',
      'line.amount': 'seratus juta',
      'line.description': 'Alokasi Dana Desa',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-line-amount-error" role="alert">\[COMMAND_SCHEMA\]/);
    expect(page.text).toContain('value="seratus juta"');
  });

  test('a date that does not exist, beside the date', async () => {
    const page = await post(agents.villagehead, 'SubmitApbdesToBpd', { date: '31/02/2024' });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-date-error" role="alert">\[COMMAND_SCHEMA\]/);
  });

  test('a whole number typed otherwise, beside the number', async () => {
    const page = await post(agents.secretary, 'PlanRkpdesActivity', {
      ...activity,
      activityId: 'jalan-lain',
      'beneficiaries.count': 'tiga ratus',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-beneficiaries-count-error" role="alert">\[COMMAND_SCHEMA\]/);
  });

  test('an empty document number, beside the text field', async () => {
    const page = await post(agents.secretary, 'RecordBpdAgreement', {
      date: '21/10/2024',
      minutesNumber: '',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-minutesNumber-error" role="alert">\[COMMAND_SCHEMA\]/);
  });

  test('a row refused beside its own row, blank rows before it skipped', async () => {
    const page = await post(agents.secretary, 'PlanRkpdesActivity', {
      ...activity,
      activityId: 'jalan-lain',
      'estimatedCosts.0.source': '',
      'estimatedCosts.0.amount': '',
      'estimatedCosts.1.source': 'ADD',
      'estimatedCosts.1.amount': 'banyak',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(
      /id="f-estimatedCosts-1-amount-error" role="alert">\[COMMAND_SCHEMA\]/,
    );
  });

  test('no ground ticked for an amendment, beside the checkboxes', async () => {
    const page = await post(agents.secretary, 'StartApbdesAmendment', { date: '11/08/2025' });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-grounds-error" role="alert">\[COMMAND_SCHEMA\]/);
  });
});

describe('a year opened before last year is closed, through the forms only', () => {
  let server: TestServer;
  let treasurer: request.Agent;

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    const ledger = createLedger({ store: server.store });
    await openRegency(ledger);
    await allocate(ledger, VILLAGE);
    treasurer = await signedInAgent(server.app, 'treasurer');
  });

  const villageEvents = () => server.store.readStream(villageStreamId(VILLAGE, YEAR));

  test('the opening form offers the flag unticked', async () => {
    const { page } = await openForm(treasurer, 'OpenVillageFiscalYear');
    expect(page.text).toMatch(
      /<input id="f-silpaToBeRecorded" name="silpaToBeRecorded"[^>]*type="checkbox" value="ya"\/?>/,
    );
    expect(page.text).not.toMatch(/name="silpaToBeRecorded"[^>]*checked/);
  });

  test('ticked, the year opens with its SiLPA to be recorded; the treasurer records it in July', async () => {
    await record(treasurer, 'OpenVillageFiscalYear', {
      'openingBalances.cashOnHand': '0',
      'openingBalances.bank': '12.500.000',
      silpaToBeRecorded: 'ya',
    });
    await record(treasurer, 'RecordActualSilpa', {
      date: '15/07/2025',
      closingDocument: 'BA/LPJ/2024',
      'silpa.0.source': 'DDS',
      'silpa.0.amount': 'Rp 12.500.000',
    });
    const events = await villageEvents();
    const opened = events.find((event) => event.type === 'VillageFiscalYearOpened')!;
    expect(opened.data).toMatchObject({ silpaToBeRecorded: true, silpa: [] });
    const recorded = events.find((event) => event.type === 'ActualSilpaRecorded')!;
    expect(recorded.data).toMatchObject({
      date: '2025-07-15',
      silpa: [{ source: 'DDS', amount: '12500000.00' }],
    });
  });

  test('unticked, the flag is left out of the command', async () => {
    await record(treasurer, 'OpenVillageFiscalYear', {
      'openingBalances.cashOnHand': '0',
      'openingBalances.bank': '0',
    });
    const opened = (await villageEvents()).find(
      (event) => event.type === 'VillageFiscalYearOpened',
    )!;
    expect(opened.data).not.toHaveProperty('silpaToBeRecorded');
  });

  test('ticked with SiLPA rows filled: refused beside the SiLPA, the flag kept ticked, nothing written', async () => {
    const page = await post(treasurer, 'OpenVillageFiscalYear', {
      'openingBalances.cashOnHand': '0',
      'openingBalances.bank': '12.500.000',
      'silpa.0.source': 'DDS',
      'silpa.0.amount': '12.500.000',
      silpaToBeRecorded: 'ya',
    });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/role="alert">\[SILPA_LEFT_FOR_LATER\]/);
    expect(page.text).toMatch(/name="silpaToBeRecorded"[^>]*checked/);
    await expect(villageEvents()).rejects.toThrow('stream not found');
  });
});

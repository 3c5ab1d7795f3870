import request from 'supertest';
import type { Role } from '../../src/access/roles';
import {
  bearer,
  dumpAll,
  expectProblem,
  startTestServer,
  VILLAGE_PATH,
  type TestServer,
} from './support';

const command = (server: TestServer, role: Role, type: string, body: object) =>
  request(server.app)
    .post(`${VILLAGE_PATH}/commands/${type}`)
    .set(bearer(server.tokens[role]))
    .send(body);

const OPENING = {
  openingBalances: { cashOnHand: '250000', bank: '9750000' },
  silpa: [{ source: 'DDS', amount: '10000000' }],
};

const CORRECTION = {
  correctionId: 'KOR-SA/1',
  date: '2025-03-03',
  reason: 'saldo bank salah ketik',
  openingBalances: { cashOnHand: '250000', bank: '9950000' },
  silpa: [{ source: 'DDS', amount: '10200000' }],
  taxPayable: [],
};

describe('opening balances through the API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('422 for a SiLPA the opening balances do not hold, naming both figures; nothing stored', async () => {
    const before = await dumpAll(server.store);
    const response = await command(server, 'treasurer', 'OpenVillageFiscalYear', {
      ...OPENING,
      silpa: [{ source: 'DDS', amount: '12500000' }],
    });
    expectProblem(response, 422, 'SILPA_HELD_BY_OPENING_BALANCES');
    expect(response.body.messages.id).toContain(
      'SiLPA 12500000.00 + pajak terutang 0.00 > kas tunai 250000.00 + bank 9750000.00',
    );
    expect(await dumpAll(server.store)).toBe(before);
  });

  it('a correction the treasurer proposes takes effect when the secretary verifies it', async () => {
    await command(server, 'treasurer', 'OpenVillageFiscalYear', OPENING).expect(201);
    expectProblem(
      await command(server, 'secretary', 'ProposeOpeningCorrection', CORRECTION),
      403,
      'ROLE_NOT_PERMITTED',
    );
    await command(server, 'treasurer', 'ProposeOpeningCorrection', CORRECTION).expect(201);
    expectProblem(
      await command(server, 'treasurer', 'VerifyOpeningCorrection', {
        correctionId: 'KOR-SA/1',
        date: '2025-03-04',
        outcome: 'verified',
        reasons: [],
      }),
      403,
      'ROLE_NOT_PERMITTED',
    );
    const verified = await command(server, 'secretary', 'VerifyOpeningCorrection', {
      correctionId: 'KOR-SA/1',
      date: '2025-03-04',
      outcome: 'verified',
      reasons: [],
    }).expect(201);
    expect(verified.body.events[0].type).toBe('OpeningCorrected');
    expect(verified.body.events[0].data.before.openingBalances.bank).toBe('9750000.00');
    expect(verified.body.events[0].data.after.openingBalances.bank).toBe('9950000.00');
  });
});

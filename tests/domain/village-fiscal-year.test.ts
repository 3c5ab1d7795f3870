import { command } from '../support/decider-specification';
import { openYear, villageSpec, YEAR, VILLAGE, villageContext } from '../support/village-fixtures';
import { deciderSpecification } from '../support/decider-specification';
import { villageDecider } from '../../src/domain/village/decider';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import { carryOver, type PreviousYear } from '../../src/domain/village/carry-over';

describe('OpenVillageFiscalYear', () => {
  it('opens the year with opening balances and SiLPA per fund source', () => {
    villageSpec()
      .given()
      .when(openYear([{ source: 'DDS', amount: '9500000' }]))
      .then([
        {
          type: 'VillageFiscalYearOpened',
          data: {
            openingBalances: { cashOnHand: '250000.00', bank: '9750000.00' },
            silpa: [{ source: 'DDS', amount: '9500000.00' }],
            villageCode: VILLAGE,
            fiscalYear: YEAR,
          },
        },
      ]);
  });

  it('refuses to open the year twice', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(openYear())
      .thenRejects('FISCAL_YEAR_ALREADY_OPEN', 'fiscalYear', '2025');
  });

  it('refuses a village that is not in the regency reference data', () => {
    const spec = deciderSpecification(villageDecider, villageCommandSchemas, {
      ...villageContext(),
      villageCode: '35.10.01.2999',
    });
    spec.given().when(openYear()).thenRejects('REGION_KNOWN', 'villageCode', '35.10.01.2999');
  });

  it('refuses SiLPA of an unknown fund source', () => {
    villageSpec()
      .given()
      .when(openYear([{ source: 'XYZ', amount: '1.00' }]))
      .thenRejects('FUND_SOURCE_KNOWN', 'silpa[0].source', 'XYZ');
  });

  it('refuses an amount with more than two decimals', () => {
    villageSpec()
      .given()
      .when(openYear([{ source: 'DDS', amount: '1.005' }]))
      .thenRejects('COMMAND_SCHEMA', 'payload.silpa.0.amount', '"1.005"');
  });

  it('refuses every other command before the year is opened', () => {
    villageSpec()
      .given()
      .when(command('StartApbdesDraft', {}))
      .thenRejects('FISCAL_YEAR_OPEN', 'fiscalYear', '2025');
  });
});

describe('OpenVillageFiscalYear after a previous year in the ledger', () => {
  const closing = {
    date: '2024-12-31',
    balances: { cashOnHand: '250000.00', bank: '9750000.00' },
    silpa: [{ source: 'DDS', amount: '10000000.00' }],
    taxPayable: [],
  };
  const link = { streamId: `village-${VILLAGE}-2024`, revision: 41, eventId: 'closing-2024' };
  const withPrevious = (previousYear: PreviousYear) =>
    deciderSpecification(villageDecider, villageCommandSchemas, {
      ...villageContext(),
      previousYear,
    });
  const opening = (silpa: { source: string; amount: string }[], bank = '9750000.00') =>
    command('OpenVillageFiscalYear', {
      openingBalances: { cashOnHand: '250000', bank },
      silpa,
      taxPayable: [],
    });

  it('carries the closing over and names the closing event it came from', () => {
    withPrevious({ status: 'closed', fiscalYear: 2024, closing, link })
      .given()
      .when(opening([{ source: 'DDS', amount: '10000000' }]))
      .then([
        {
          type: 'VillageFiscalYearOpened',
          data: {
            openingBalances: closing.balances,
            silpa: closing.silpa,
            taxPayable: [],
            villageCode: VILLAGE,
            fiscalYear: YEAR,
            carriedFrom: link,
          },
        },
      ]);
  });

  it('refuses figures other than the closing, naming what the closing holds', () => {
    withPrevious({ status: 'closed', fiscalYear: 2024, closing, link })
      .given()
      .when(opening([{ source: 'ADD', amount: '10000000' }]))
      .thenRejects('OPENING_FROM_CLOSING', 'silpa', '{"ADD":"10000000.00"}');
    withPrevious({ status: 'closed', fiscalYear: 2024, closing, link })
      .given()
      .when(opening([{ source: 'DDS', amount: '10000000' }], '1.00'))
      .thenRejects(
        'OPENING_FROM_CLOSING',
        'openingBalances',
        '{"cashOnHand":"250000.00","bank":"1.00"}',
      );
  });

  it('refuses to open while the previous year is in the ledger and not closed, naming that year', () => {
    withPrevious({ status: 'open', fiscalYear: 2024 })
      .given()
      .when(opening([{ source: 'DDS', amount: '10000000' }]))
      .thenRejects('PREVIOUS_FISCAL_YEAR_CLOSED', 'fiscalYear', '2024');
  });

  it('the carry-over of a closing is its balances, SiLPA per source and tax payable', () => {
    expect(carryOver({ ...closing, taxPayable: [{ tax: 'PPh21', amount: '5000.00' }] })).toEqual({
      openingBalances: closing.balances,
      silpa: closing.silpa,
      taxPayable: [{ tax: 'PPh21', amount: '5000.00' }],
    });
  });
});

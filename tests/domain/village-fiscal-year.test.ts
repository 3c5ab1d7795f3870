import { command } from '../support/decider-specification';
import { openYear, villageSpec, YEAR, VILLAGE, villageContext } from '../support/village-fixtures';
import { deciderSpecification } from '../support/decider-specification';
import { villageDecider } from '../../src/domain/village/decider';
import { villageCommandSchemas } from '../../src/domain/village/commands';

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

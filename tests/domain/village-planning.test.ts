import { activity, openYear, villageSpec } from '../support/village-fixtures';

describe('PlanRkpdesActivity', () => {
  it('plans an activity with location, output, executor, beneficiaries and costs per source', () => {
    const state = villageSpec()
      .givenCommands([openYear()])
      .when(activity('road', '02.03.10', 'DDS'))
      .thenState();
    expect(state.planning.activities.get('road')).toEqual({
      activityId: 'road',
      subBidangCode: '02.03',
      kegiatanCode: '02.03.10',
      bidangCode: '02',
      name: 'Kegiatan road',
      location: { hamlet: 'Dusun Krajan', latitude: -8.5731, longitude: 114.0123 },
      output: { volume: '1', unit: 'paket' },
      executor: { name: 'Bambang', position: 'Kasi Kesejahteraan' },
      beneficiaries: { description: 'Warga desa', count: 250 },
      estimatedCosts: [{ source: 'DDS', amount: '1000000.00' }],
    });
  });

  it('accepts a regency extension kegiatan (90–99) from the reference data', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(activity('stunting', '04.04.95', 'DDS'))
      .thenTypes('RkpdesActivityPlanned');
  });

  it('refuses a reused activity id', () => {
    villageSpec()
      .givenCommands([openYear(), activity('road', '02.03.10', 'DDS')])
      .when(activity('road', '02.03.11', 'DDS'))
      .thenRejects('ACTIVITY_ID_UNIQUE', 'activityId', 'road');
  });

  it('refuses a kegiatan code missing from the year reference data', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(activity('x', '02.03.88', 'DDS'))
      .thenRejects('KEGIATAN_KNOWN', 'kegiatanCode', '02.03.88');
  });

  it('refuses a kegiatan placed under another sub-bidang', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(activity('x', '02.03.10', 'DDS', { subBidangCode: '02.02' }))
      .thenRejects('KEGIATAN_UNDER_SUB_BIDANG', 'kegiatanCode', '02.03.10');
  });

  it('refuses a cost estimate of an unknown fund source', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(
        activity('x', '02.03.10', 'DDS', { estimatedCosts: [{ source: 'APBN', amount: '5.00' }] }),
      )
      .thenRejects('FUND_SOURCE_KNOWN', 'estimatedCosts[0].source', 'APBN');
  });

  it('refuses a latitude outside the globe', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(activity('x', '02.03.10', 'DDS', { location: { hamlet: 'Krajan', latitude: 123 } }))
      .thenRejects('COMMAND_SCHEMA', 'payload.location.latitude', '123');
  });
});

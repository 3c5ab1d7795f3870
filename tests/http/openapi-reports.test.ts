import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { createMemoryStore } from '../../src/eventstore/memory';
import { openApiDocument } from '../../src/http/openapi';
import { reportEndpoints } from '../../src/http/report-endpoints';

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema: { enum?: string[] };
}

function reportOperation(path: string): { parameters: Parameter[] } {
  const readModels = {
    state: () => {
      throw new Error('not read while documenting');
    },
    waitForPosition: async () => undefined,
  };
  const endpoints = reportEndpoints({
    readModels,
    store: createMemoryStore(),
    reference: new ReferenceCatalog(),
    clock: () => new Date(),
  });
  const document = openApiDocument(endpoints, '/api/v1');
  return (document.paths[path] as { get: { parameters: Parameter[] } }).get;
}

describe('OpenAPI document of the report endpoints', () => {
  test('names every village report and every query parameter with the values allowed', () => {
    const { parameters } = reportOperation(
      '/api/v1/villages/{villageCode}/years/{fiscalYear}/reports/{report}',
    );
    expect(parameters.find((p) => p.name === 'report')!.schema.enum).toEqual([
      'bku',
      'bank',
      'tax',
      'panjar',
      'revenue-detail',
      'kegiatan',
      'apbdes',
      'apbdes-diff',
      'spp-register',
      'realisation',
      'activity-realisation',
      'dana-desa-absorption',
      'fund-flow',
      'planning-trail',
    ]);
    const query = new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
    expect([...query.keys()].sort()).toEqual([
      'after',
      'asOf',
      'format',
      'from',
      'fromLabel',
      'knownAt',
      'label',
      'month',
      'period',
      'to',
      'toLabel',
    ]);
    expect(query.get('format')!.description).toContain('json, csv, xlsx, pdf');
    expect(query.get('format')!.schema.enum).toEqual(['json', 'csv', 'xlsx', 'pdf']);
    expect(query.get('period')!.schema.enum).toEqual(['semester1', 'year']);
    expect(query.get('month')!.description).toContain('1–12');
    expect(query.get('month')!.description).toContain('bku');
    expect(query.get('asOf')!.description).toContain('YYYY-MM-DD');
  });

  test('names the regency reports and their district parameter', () => {
    const { parameters } = reportOperation(
      '/api/v1/regencies/{regencyCode}/years/{fiscalYear}/reports/{report}',
    );
    expect(parameters.find((p) => p.name === 'report')!.schema.enum).toEqual([
      'fund-flow',
      'realisation',
      'monitoring',
      'project-outputs',
    ]);
    const district = parameters.find((p) => p.name === 'district')!;
    expect(district.in).toBe('query');
    expect(district.description).toContain('realisation');
  });
});

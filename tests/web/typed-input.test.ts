import fc from 'fast-check';
import { formPayload } from '../../src/web/forms/form-payload';
import type { FormField } from '../../src/web/forms/form-model';
import { shownDate, typedDate, typedMonth, typedRupiah } from '../../src/web/forms/typed-input';

describe('what people type', () => {
  test.each([
    ['25.000.000', '25000000'],
    ['25000000', '25000000'],
    ['Rp 25.000.000,00', '25000000.00'],
    ['Rp25.000.000,5', '25000000.5'],
    ['rp 1.500', '1500'],
    ['1500000.00', '1500000.00'],
    ['  750 ', '750'],
    ['dua juta', 'dua juta'],
    ['1.2.3', '1.2.3'],
  ])('money %p is %p', (typed, amount) => {
    expect(typedRupiah(typed)).toBe(amount);
  });

  test('any whole rupiah written with thousands dots reads back as the same number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (value) => {
        const dotted = value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(typedRupiah(`Rp ${dotted}`)).toBe(value.toString());
      }),
    );
  });

  test('dates and months as written in Indonesia, and back', () => {
    expect(typedDate('7/3/2025')).toBe('2025-03-07');
    expect(typedDate('07-03-2025')).toBe('2025-03-07');
    expect(typedDate('2025-03-07')).toBe('2025-03-07');
    expect(typedDate('kemarin')).toBe('kemarin');
    expect(typedMonth('3/2025')).toBe('2025-03');
    expect(shownDate('2025-03-07')).toBe('07/03/2025');
  });
});

describe('the payload a form makes', () => {
  const fields: FormField[] = [
    { kind: 'text', name: 'payer.name', label: 'Dari' },
    { kind: 'text', name: 'payer.address', label: 'Alamat', optional: true },
    { kind: 'money', name: 'amount', label: 'Jumlah' },
    {
      kind: 'rows',
      name: 'lines',
      label: 'Rincian',
      rows: 3,
      fields: [
        { kind: 'text', name: 'lineId', label: 'Baris' },
        { kind: 'multiChoice', name: 'taxes', label: 'Pajak' },
      ],
    },
  ];

  test('nests dotted names, leaves blank optional fields and blank rows out, maps rows back', () => {
    const built = formPayload(fields, {
      'payer.name': 'Pak RT',
      'payer.address': ' ',
      amount: '1.500',
      'lines.0.lineId': '',
      'lines.1.lineId': 'L-7',
      'lines.1.taxes': ['PPN', 'PPh22'],
      'lines.2.lineId': '',
    });
    expect(built.payload).toEqual({
      payer: { name: 'Pak RT' },
      amount: '1500',
      lines: [{ lineId: 'L-7', taxes: ['PPN', 'PPh22'] }],
    });
    expect(built.inputs.get('lines.0.lineId')).toBe('lines.1.lineId');
    expect(built.inputs.get('lines.0')).toBe('lines.1');
  });

  test('a fixed value is always sent; a numeric key in a name makes a list', () => {
    const built = formPayload(
      [
        { kind: 'fixed', name: 'line.kind', value: 'spending' },
        {
          kind: 'rows',
          name: 'lines',
          label: 'SPJ',
          rows: 2,
          fields: [
            { kind: 'text', name: 'lineId', label: 'Baris' },
            { kind: 'money', name: 'evidence.0.amount', label: 'Jumlah' },
          ],
        },
      ],
      { 'lines.1.lineId': 'L-1', 'lines.1.evidence.0.amount': '2.000' },
    );
    expect(built.payload).toEqual({
      line: { kind: 'spending' },
      lines: [{ lineId: 'L-1', evidence: [{ amount: '2000' }] }],
    });
  });
});

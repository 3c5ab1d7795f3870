import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/composition/config';
import { DEFAULT_COMPLAINTS_CONTACT } from '../../src/web/public/complaints-contact';

describe('KASDESA_COMPLAINTS_CONTACT', () => {
  test('unset, the public pages point to the village office and its BPD', () => {
    expect(loadConfig({}).complaintsContact).toBe(DEFAULT_COMPLAINTS_CONTACT);
    expect(DEFAULT_COMPLAINTS_CONTACT).toMatch(/kantor desa/);
  });

  test('set, it is the text given, without surrounding blanks', () => {
    const contact = 'Inspektorat Kabupaten, WhatsApp 0812-3456-7890, pengaduan@contoh.go.id';
    expect(loadConfig({ KASDESA_COMPLAINTS_CONTACT: `  ${contact} ` }).complaintsContact).toBe(
      contact,
    );
  });

  test('blank or longer than 300 characters stops the start naming the variable', () => {
    expect(() => loadConfig({ KASDESA_COMPLAINTS_CONTACT: '   ' })).toThrow(
      /KASDESA_COMPLAINTS_CONTACT/,
    );
    expect(() => loadConfig({ KASDESA_COMPLAINTS_CONTACT: 'x'.repeat(301) })).toThrow(
      /KASDESA_COMPLAINTS_CONTACT/,
    );
  });

  test("the README's configuration table documents it", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toMatch(/^\| `KASDESA_COMPLAINTS_CONTACT` +\|/m);
  });
});

import type { Express } from 'express';
import { rolesFor } from '../../src/access/command-permissions';
import { FORM_CATALOG } from '../../src/web/forms/form-catalog';
import {
  formSlug,
  inputNames,
  type AnyCommandForm,
  type FormField,
} from '../../src/web/forms/form-model';
import { startTestServer, VILLAGE } from '../http/support';
import { webPages } from '../../src/web/web-pages';
import { formFields, signedInAgent } from './support/web-agent';

const SCRIPT = '<script>alert("kasdesa")</script>';
const FORMULA = '=HYPERLINK("http://contoh.invalid","klik")';
const FREE_TEXT: ReadonlySet<FormField['kind']> = new Set(['text', 'longText', 'lines']);

/** Every free-text input of a form, rows included. */
function freeTextInputs(form: AnyCommandForm): string[] {
  return form.fields.flatMap((field) => {
    if (field.kind === 'rows')
      return field.fields
        .filter((inner) => FREE_TEXT.has(inner.kind))
        .map((inner) => `${field.name}.0.${inner.name}`);
    return FREE_TEXT.has(field.kind) ? inputNames(field) : [];
  });
}

describe('free text in every form comes back escaped, never as markup', () => {
  let app: Express;
  beforeAll(async () => {
    ({ app } = await startTestServer({ pages: webPages }));
  });

  // A form with nothing typed freely (opening the regency's year) has nothing to escape.
  const withFreeText = FORM_CATALOG.filter((form) => freeTextInputs(form).length > 0);
  test.each(withFreeText.map((form) => [formSlug(form), form] as const))(
    '%s',
    async (slug, form) => {
      const role = rolesFor(form.type)[0]!;
      const agent = await signedInAgent(app, role.toLowerCase());
      const path = `/perintah/${slug}`;
      const page = await agent.get(`${path}?desa=${VILLAGE}`).expect(200);
      const typed: Record<string, string> = {};
      freeTextInputs(form).forEach((name, index) => {
        typed[name] = index % 2 === 0 ? SCRIPT : FORMULA;
      });
      const answer = await agent
        .post(path)
        .type('form')
        .send({ ...formFields(page.text, path), ...typed });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toContain(SCRIPT);
      if (Object.values(typed).includes(SCRIPT))
        expect(answer.text).toContain('&lt;script>alert(&quot;kasdesa&quot;)&lt;/script>');
    },
  );
});

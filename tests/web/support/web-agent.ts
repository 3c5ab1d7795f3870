import type { Express } from 'express';
import request from 'supertest';
import { PASSWORD } from '../../http/support';

/** The hidden `_csrf` field of a page's first form. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no form with a _csrf field');
  return token;
}

/** The hidden fields and named values of the page's form that posts to `action`. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`the page has no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  ))
    fields[name!] = value!.replaceAll('&amp;', '&');
  return fields;
}

/** A browser-like agent signed in through the login form, as a person would. */
export async function signedInAgent(
  app: Express,
  username: string,
  password = PASSWORD,
): Promise<request.Agent> {
  const agent = request.agent(app);
  const login = await agent.get('/masuk').expect(200);
  await agent
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(login.text), username, password })
    .expect(303);
  return agent;
}

/** Posts the form on `page` that posts to `action`, its hidden fields and `fields` typed in; expects `status`. */
export async function submitForm(
  agent: request.Agent,
  page: string,
  action: string,
  fields: Record<string, string | string[]>,
  status: number,
) {
  const shown = await agent.get(page).expect(200);
  return agent
    .post(action)
    .type('form')
    .send({ ...formFields(shown.text, action), ...fields })
    .expect(status);
}

/** Whether the login form lets `username` in with `password` alone (a redirect home) or refuses. */
export async function signsIn(app: Express, username: string, password = PASSWORD) {
  const agent = request.agent(app);
  const login = await agent.get('/masuk').expect(200);
  const answer = await agent
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(login.text), username, password });
  return answer.status === 303;
}

/** The text of the field's error paragraph (`f-<id>-error`), right after its input. */
export function fieldError(html: string, id: string): string | undefined {
  return new RegExp(`id="f-${id}-error"[^>]*>([^<]*)`).exec(html)?.[1];
}

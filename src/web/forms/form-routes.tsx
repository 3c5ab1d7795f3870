import express, { type Request, type Response, type Router } from 'express';
import { mayIssue } from '../../access/command-permissions';
import { scopeCovers } from '../../access/roles';
import { localDate } from '../../domain/shared/local-date';
import { isRegionCode, regencyOf } from '../../domain/shared/region-codes';
import { actorOf, type User } from '../../access/state';
import type { ExpectedRevision } from '../../eventstore/port';
import { WrongExpectedRevisionError } from '../../eventstore/errors';
import { HttpProblem, problemFor } from '../../http/problem';
import { requireMayIssue, resolveStreamTarget } from '../../http/stream-routes';
import {
  formBody,
  pageUser,
  requireSessionForm,
  requireSignedIn,
  send,
  sendRefusal,
  type PageServices,
} from '../page-kit';
import { FORMS_PATH } from '../paths';
import { CommandFormPage, type FormEnvelope } from './command-form-page';
import { newNonce, postedNonce, webCommandId } from './command-nonce';
import { refusedInput, type FormRefusal } from './field-errors';
import { FORM_CATALOG, findForm } from './form-catalog';
import { FormListPage } from './form-list-page';
import { inputNames, type AnyCommandForm, type Choice, type TypedValues } from './form-model';
import { formPayload } from './form-payload';
import { VILLAGE_TARGET, type FormTarget } from './form-target';
import { shownDate, shownMonth } from './typed-input';
import { VillageChooserPage } from './village-chooser-page';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The form's stream: a village's year unless the form names another target. */
const targetOf = (form: AnyCommandForm): FormTarget<unknown> => form.target ?? VILLAGE_TARGET;

/** The stream and year a form acts on: asked for, else the user's own and the year its pages show. */
async function askedTarget(
  services: PageServices,
  target: FormTarget<unknown>,
  user: User,
  asked: { code: string; year: string },
) {
  const code = asked.code || target.ownCode(user);
  const fiscalYear = asked.year || String((await target.defaultYear(services, code)) ?? '');
  return resolveStreamTarget(target.kind, services.reference, user, code, fiscalYear);
}

/** The villages of the user's scope, by name, from the regency's latest reference year. */
function villagesInScope(services: PageServices, user: User): Choice[] {
  const regency = regencyOf(user.scope);
  const year = [...services.reference.fiscalYears(regency)].sort((a, b) => a - b).at(-1);
  if (year === undefined) return [];
  return [...services.reference.get(year, regency).villages.values()]
    .filter((village) => scopeCovers(user.scope, village.code))
    .map((village) => ({ value: village.code, label: `${village.name} (${village.code})` }));
}

/** A query's plain values, to carry through the village chooser. */
function queryTexts(query: Request['query']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function requireForm(type: string): AnyCommandForm {
  const form = findForm(type);
  if (!form) throw new HttpProblem('PATH_PARAMETER', 'form', type);
  return form;
}

function expectedRevision(typed: string): ExpectedRevision | undefined {
  if (typed === '-1') return 'no_stream';
  return /^\d{1,19}$/.test(typed) ? BigInt(typed) : undefined;
}

/** What a GET's query fills in (e.g. the SPP a home's link is about), dates as people write them. */
function prefilled(form: AnyCommandForm, query: Request['query']): TypedValues {
  const values: TypedValues = {};
  for (const field of form.fields) {
    const value = text(query[field.name]);
    if (field.kind === 'rows' || field.kind === 'fixed' || value === '') continue;
    values[field.name] =
      field.kind === 'date' ? shownDate(value) : field.kind === 'month' ? shownMonth(value) : value;
  }
  return values;
}

/**
 * A form's business dates start at the regency's local today when today is in
 * the form's year; for a past year's entries there is no sensible default.
 * Rows' dates stay blank, or every blank row would count as filled.
 */
function defaultDates(form: AnyCommandForm, today: string, fiscalYear: number): TypedValues {
  if (!today.startsWith(`${fiscalYear}-`)) return {};
  const dates = form.fields.filter((field) => field.kind === 'date');
  return Object.fromEntries(dates.map((field) => [field.name, shownDate(today)]));
}

function typedValues(body: Record<string, unknown>): TypedValues {
  const values: TypedValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith('_')) continue;
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value))
      values[name] = value.filter((entry) => typeof entry === 'string');
  }
  return values;
}

/**
 * Every command that has a form, village or regency, as a page: GET shows it over the year's state,
 * POST runs the command through the API's own checks (scope, role,
 * schema, ledger rules) and answers with a redirect, or with the form
 * again, as typed, the rule's message beside the field it names.
 */
export function formRoutes(services: PageServices): Router {
  const { ledger } = services;
  const router = express.Router();
  const signedIn = requireSignedIn(services);

  function showForm(
    res: Response,
    status: number,
    form: AnyCommandForm,
    page: { context: unknown; values: TypedValues; envelope: FormEnvelope },
    refusal?: FormRefusal,
  ) {
    send(
      res,
      status,
      form.title,
      <CommandFormPage signedIn={pageUser(res)} form={form} refusal={refusal} {...page} />,
    );
  }

  router.get(FORMS_PATH, signedIn, (_req, res) => {
    const current = pageUser(res);
    const forms = FORM_CATALOG.filter((form) => mayIssue(current.user.role, form.type));
    send(res, 200, 'Formulir', <FormListPage signedIn={current} forms={forms} />);
  });

  router.get(`${FORMS_PATH}/:type`, signedIn, async (req, res) => {
    const { user } = pageUser(res);
    try {
      const form = requireForm(String(req.params.type));
      requireMayIssue(user, form.type);
      const kind = targetOf(form);
      const villageForm = kind.codeField === VILLAGE_TARGET.codeField;
      if (villageForm && !text(req.query.desa) && !isRegionCode(user.scope, 'village'))
        return send(
          res,
          200,
          form.title,
          <VillageChooserPage
            signedIn={pageUser(res)}
            form={form}
            villages={villagesInScope(services, user)}
            prefill={queryTexts(req.query)}
          />,
        );
      const target = await askedTarget(services, kind, user, {
        code: text(req.query[kind.codeField]),
        year: text(req.query.tahun),
      });
      const { context, revision } = await kind.load(services, target.code, target.fiscalYear);
      const envelope = { ...target, nonce: newNonce(), revision };
      const { timeZone } = services.reference.get(target.fiscalYear, regencyOf(target.code));
      const today = localDate(services.clock(), timeZone);
      const values = {
        ...defaultDates(form, today, target.fiscalYear),
        ...prefilled(form, req.query),
      };
      showForm(res, 200, form, { context, values, envelope });
    } catch (error) {
      sendRefusal(req, res, error, FORMS_PATH);
    }
  });

  router.post(`${FORMS_PATH}/:type`, formBody, signedIn, requireSessionForm, async (req, res) => {
    const { user } = pageUser(res);
    const body = req.body as Record<string, unknown>;
    let form: AnyCommandForm;
    let target: { code: string; fiscalYear: number };
    try {
      form = requireForm(String(req.params.type));
      requireMayIssue(user, form.type);
      target = await askedTarget(services, targetOf(form), user, {
        code: text(body[`_${targetOf(form).codeField}`]),
        year: text(body._tahun),
      });
    } catch (error) {
      return sendRefusal(req, res, error, FORMS_PATH);
    }
    const values = typedValues(body);
    const nonce = postedNonce(text(body._nonce));
    const seen = text(body._revisi);
    const built = formPayload(form.fields, values);
    const command = {
      commandId: webCommandId(user.userId, nonce),
      type: form.type,
      payload: built.payload,
      actor: actorOf(user),
    };
    const kind = targetOf(form);
    try {
      const outcome = await kind.kind.execute(ledger, target.code, target.fiscalYear, command, {
        expectedRevision: expectedRevision(seen),
      });
      res.redirect(303, kind.recorded(form, target.fiscalYear, outcome.position));
    } catch (error) {
      const problem =
        error instanceof WrongExpectedRevisionError
          ? new HttpProblem('STALE_FORM', '_revisi', seen).problem
          : problemFor(error, req);
      if (!problem || problem.status >= 500) throw error;
      const { context, revision } = await kind.load(services, target.code, target.fiscalYear);
      const envelope = { ...target, nonce, revision };
      const refusal = refusedInput(problem, built, form.fields.flatMap(inputNames), values);
      showForm(res, problem.status, form, { context, values, envelope }, refusal);
    }
  });
  return router;
}

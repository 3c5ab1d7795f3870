import express, { type Request, type Response, type Router } from 'express';
import { problemFor } from '../../http/problem';
import { listRegions, registerRegion, requireRegionRegistrar } from '../../http/region-routes';
import { newNonce, postedNonce, webCommandId } from '../forms/command-nonce';
import { refusedInput } from '../forms/field-errors';
import type { TypedValues } from '../forms/form-model';
import {
  formBody,
  pageUser,
  requireSessionForm,
  requireSignedIn,
  send,
  sendRefusal,
  type PageServices,
} from '../page-kit';
import { HOME_PATH } from '../paths';
import type { AdminFormState } from './admin-fields';
import { REGION_INPUTS, RegionsPage } from './regions-page';
import { REGIONS_PATH, REGISTERED_FIELD } from './regions-paths';

const NAMES = REGION_INPUTS.map((input) => input.name);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The API body from the form: blanks left out; the centre "lat, lon" split
 * into numbers (anything else is passed on for the command schema to refuse).
 */
function bodyOf(values: TypedValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of NAMES) {
    const typed = text(values[name]);
    if (typed === '') continue;
    body[name] =
      name === 'centre'
        ? typed.split(',').map((part) => (part.trim() === '' ? part : Number(part.trim())))
        : typed;
  }
  return body;
}

/** The administrator's regions page: the list, and the form that registers through the API's own command. */
export function regionsRoutes(services: PageServices): Router {
  const { regions, reference } = services;
  const router = express.Router();
  const signedIn = requireSignedIn(services);

  async function show(
    req: Request,
    res: Response,
    status: number,
    nonce: string,
    state: AdminFormState,
  ) {
    const current = pageUser(res);
    const registered = text(req.query[REGISTERED_FIELD]) || undefined;
    send(
      res,
      status,
      'Wilayah',
      <RegionsPage
        signedIn={current}
        regions={await listRegions(regions, reference)}
        nonce={nonce}
        state={state}
        registered={registered}
      />,
    );
  }

  router.get(REGIONS_PATH, signedIn, async (req, res) => {
    try {
      requireRegionRegistrar(pageUser(res).user);
      await show(req, res, 200, newNonce(), { values: {} });
    } catch (error) {
      sendRefusal(req, res, error, HOME_PATH);
    }
  });

  router.post(REGIONS_PATH, formBody, signedIn, requireSessionForm, async (req, res) => {
    const { user } = pageUser(res);
    try {
      requireRegionRegistrar(user);
    } catch (error) {
      return sendRefusal(req, res, error, HOME_PATH);
    }
    const posted = req.body as Record<string, unknown>;
    const values: TypedValues = Object.fromEntries(NAMES.map((name) => [name, text(posted[name])]));
    const nonce = postedNonce(text(posted._nonce));
    try {
      await registerRegion(regions, user, webCommandId(user.userId, nonce), bodyOf(values));
      const code = encodeURIComponent(text(values.code));
      res.redirect(303, `${REGIONS_PATH}?${REGISTERED_FIELD}=${code}`);
    } catch (error) {
      const problem = problemFor(error, req);
      if (!problem || problem.status >= 500) throw error;
      const built = { payload: {}, inputs: new Map(NAMES.map((name) => [name, name])) };
      await show(req, res, problem.status, nonce, {
        values,
        refusal: refusedInput(problem, built, NAMES, values),
      });
    }
  });
  return router;
}

import express, { type Request, type Response, type Router } from 'express';
import type { AccessService } from '../../access/access-service';
import { ROLES, scopeCovers, type Role } from '../../access/roles';
import type { User } from '../../access/state';
import { HttpProblem, problemFor } from '../../http/problem';
import { removeTwoFactor, requireIssuer, setTwoFactorPolicy } from '../../http/two-factor-routes';
import {
  requireUserCommandRole,
  runUserCommand,
  usersInScope,
  type UserCommandCall,
  type UserCommandType,
} from '../../http/user-routes';
import { newNonce, postedNonce, webCommandId } from '../forms/command-nonce';
import { refusedInput } from '../forms/field-errors';
import { typedList, type TypedValues } from '../forms/form-model';
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
import type { AdminFormState, AdminInput } from './admin-fields';
import {
  DONE_FIELD,
  DONE_NOTICES,
  mayAdministerUsers,
  NEW_USER_PATH,
  REGION_FILTER,
  ROLE_FILTER,
  TWO_FACTOR_POLICY_PATH,
  USER_ACTIONS,
  USERS_PATH,
  userPath,
  type DoneNotice,
  type UserAction,
} from './admin-paths';
import { scopeChoices } from './scope-choices';
import {
  POLICY_ROLES_FIELD,
  TwoFactorPolicyPage,
  type PolicyFormState,
} from './two-factor-policy-page';
import {
  DEACTIVATION_INPUTS,
  PASSWORD_INPUTS,
  registrationInputs,
  roleInputs,
  TWO_FACTOR_REMOVAL_INPUTS,
} from './user-inputs';
import { NewUserPage, UserPage } from './user-pages';
import { UsersPage, type ListedUser } from './users-page';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The inputs' names, which are the API body's fields (the regions offered do not change them). */
const namesOf = (inputs: readonly AdminInput[]) => inputs.map((input) => input.name);
const NO_SCOPES = { choices: [], nameOf: () => undefined };

/** What a form on the user's page runs: the API's own function, after the API's role check. */
interface ActionCommand {
  names: readonly string[];
  requireRole(user: User): void;
  run(
    access: AccessService,
    user: User,
    call: UserCommandCall & { userId: string },
  ): Promise<unknown>;
}

const userCommandAction = (
  type: UserCommandType,
  inputs: readonly AdminInput[],
): ActionCommand => ({
  names: namesOf(inputs),
  requireRole: (user) => requireUserCommandRole(user, type),
  run: (access, user, call) => runUserCommand(access, user, type, call),
});

const ACTION_COMMANDS: Record<UserAction, ActionCommand> = {
  role: userCommandAction('AssignUserRole', roleInputs(NO_SCOPES)),
  password: userCommandAction('ChangeUserPassword', PASSWORD_INPUTS),
  deactivation: userCommandAction('DeactivateUser', DEACTIVATION_INPUTS),
  twoFactor: {
    names: namesOf(TWO_FACTOR_REMOVAL_INPUTS),
    requireRole: (user) => requireIssuer(user, 'RemoveTwoFactor'),
    run: removeTwoFactor,
  },
};

const REGISTRATION_NAMES = namesOf(registrationInputs(NO_SCOPES));

function doneOf(req: Request): DoneNotice | undefined {
  const done = text(req.query[DONE_FIELD]);
  return Object.hasOwn(DONE_NOTICES, done) ? (done as DoneNotice) : undefined;
}

/** A filter asked in the query: one of the roles, a region within the reader's scope, or none. */
function filtersOf(req: Request, reader: User) {
  const role = text(req.query[ROLE_FILTER]);
  const region = text(req.query[REGION_FILTER]);
  if (role !== '' && !ROLES.includes(role as Role))
    throw new HttpProblem('QUERY_PARAMETER', ROLE_FILTER, role, {
      detail: { id: `salah satu dari ${ROLES.join(', ')}`, en: `one of ${ROLES.join(', ')}` },
    });
  if (region !== '' && !scopeCovers(reader.scope, region))
    throw new HttpProblem('OUT_OF_SCOPE', REGION_FILTER, region);
  return { role: (role || undefined) as Role | undefined, region: region || undefined };
}

/** The posted form's inputs: the API body's fields, as typed. */
function postedValues(req: Request, names: readonly string[]): TypedValues {
  const body = req.body as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, text(body[name])]));
}

/** A refusal the user caused, placed beside the input it names; anything else goes on as an error. */
function refusedState(
  error: unknown,
  req: Request,
  names: readonly string[],
  values: TypedValues,
): { status: number; state: AdminFormState } {
  const problem = problemFor(error, req);
  if (!problem || problem.status >= 500) throw error;
  const built = { payload: {}, inputs: new Map(names.map((name) => [name, name])) };
  return {
    status: problem.status,
    state: { values, refusal: refusedInput(problem, built, names, values) },
  };
}

/**
 * The administrator's user pages: the users of the scope, registering a
 * user, changing a role and scope, resetting a password, deactivating,
 * removing a user's two-factor sign-in, and the regency's two-factor policy.
 * Every form runs the API's own functions (user-routes.ts,
 * two-factor-routes.ts), so the role, scope and schema checks are the
 * API's; a refusal shows the form again as typed with the rule beside
 * its field, and nothing is written.
 */
export function adminRoutes(services: PageServices): Router {
  const { access, reference } = services;
  const router = express.Router();
  const signedIn = requireSignedIn(services);

  async function shownUser(reader: User, userId: string): Promise<ListedUser> {
    const { users } = await usersInScope(access, reader);
    const found = users.find((listed) => listed.userId === userId);
    if (!found) throw new HttpProblem('PATH_PARAMETER', 'userId', userId);
    return found;
  }

  async function showUser(
    res: Response,
    status: number,
    userId: string,
    refused?: { action: UserAction; state: AdminFormState; nonce: string },
    done?: DoneNotice,
  ) {
    const signedInUser = pageUser(res);
    const shown = await shownUser(signedInUser.user, userId);
    const nonces = {
      role: newNonce(),
      password: newNonce(),
      deactivation: newNonce(),
      twoFactor: newNonce(),
    };
    if (refused) nonces[refused.action] = refused.nonce;
    send(
      res,
      status,
      `Pengguna ${shown.username}`,
      <UserPage
        signedIn={signedInUser}
        shown={shown}
        scopes={scopeChoices(reference, signedInUser.user.scope)}
        nonces={nonces}
        refused={refused}
        done={done}
      />,
    );
  }

  router.get(USERS_PATH, signedIn, async (req, res) => {
    const current = pageUser(res);
    try {
      const { users } = await usersInScope(access, current.user);
      const { role, region } = filtersOf(req, current.user);
      const listed = users
        .filter(
          (user) =>
            (role === undefined || user.role === role) &&
            (region === undefined || scopeCovers(region, user.scope)),
        )
        .sort((a, b) => a.scope.localeCompare(b.scope) || a.username.localeCompare(b.username));
      send(
        res,
        200,
        'Pengguna',
        <UsersPage
          signedIn={current}
          users={listed}
          scopes={scopeChoices(reference, current.user.scope)}
          role={role}
          region={region}
          mayChange={mayAdministerUsers(current.user.role)}
          done={doneOf(req)}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, HOME_PATH);
    }
  });

  function showNewUser(res: Response, status: number, nonce: string, state: AdminFormState) {
    const current = pageUser(res);
    send(
      res,
      status,
      'Daftarkan pengguna',
      <NewUserPage
        signedIn={current}
        scopes={scopeChoices(reference, current.user.scope)}
        nonce={nonce}
        state={state}
      />,
    );
  }

  router.get(NEW_USER_PATH, signedIn, (req, res) => {
    try {
      requireUserCommandRole(pageUser(res).user, 'RegisterUser');
      showNewUser(res, 200, newNonce(), { values: {} });
    } catch (error) {
      sendRefusal(req, res, error, USERS_PATH);
    }
  });

  router.post(NEW_USER_PATH, formBody, signedIn, requireSessionForm, async (req, res) => {
    const { user } = pageUser(res);
    try {
      requireUserCommandRole(user, 'RegisterUser');
    } catch (error) {
      return sendRefusal(req, res, error, USERS_PATH);
    }
    const nonce = postedNonce(text(req.body._nonce));
    const values = postedValues(req, REGISTRATION_NAMES);
    try {
      await runUserCommand(access, user, 'RegisterUser', {
        commandId: webCommandId(user.userId, nonce),
        body: values,
      });
      res.redirect(303, `${USERS_PATH}?${DONE_FIELD}=registered`);
    } catch (error) {
      const { status, state } = refusedState(error, req, REGISTRATION_NAMES, values);
      showNewUser(res, status, nonce, state);
    }
  });

  router.get(`${USERS_PATH}/:userId`, signedIn, async (req, res) => {
    try {
      requireUserCommandRole(pageUser(res).user, 'AssignUserRole');
      await showUser(res, 200, String(req.params.userId), undefined, doneOf(req));
    } catch (error) {
      sendRefusal(req, res, error, USERS_PATH);
    }
  });

  for (const action of Object.keys(USER_ACTIONS) as UserAction[]) {
    const { names, requireRole, run } = ACTION_COMMANDS[action];
    router.post(
      `${USERS_PATH}/:userId/${USER_ACTIONS[action]}`,
      formBody,
      signedIn,
      requireSessionForm,
      async (req, res) => {
        const { user } = pageUser(res);
        const userId = String(req.params.userId);
        try {
          requireRole(user);
          await shownUser(user, userId);
        } catch (error) {
          return sendRefusal(req, res, error, USERS_PATH);
        }
        const values = postedValues(req, names);
        const nonce = postedNonce(text(req.body._nonce));
        try {
          await run(access, user, {
            commandId: webCommandId(user.userId, nonce),
            userId,
            body: values,
          });
          res.redirect(303, `${userPath(userId)}?${DONE_FIELD}=${action}`);
        } catch (error) {
          const { status, state } = refusedState(error, req, names, values);
          await showUser(res, status, userId, { action, state, nonce });
        }
      },
    );
  }

  async function showPolicy(
    res: Response,
    status: number,
    nonce: string,
    state?: PolicyFormState,
    done?: DoneNotice,
  ) {
    const current = (await access.load()).state.twoFactorRoles;
    send(
      res,
      status,
      'Kebijakan verifikasi dua langkah',
      <TwoFactorPolicyPage
        signedIn={pageUser(res)}
        current={current}
        nonce={nonce}
        state={state ?? { values: { [POLICY_ROLES_FIELD]: [...current] } }}
        done={done}
      />,
    );
  }

  router.get(TWO_FACTOR_POLICY_PATH, signedIn, async (req, res) => {
    try {
      requireIssuer(pageUser(res).user, 'SetTwoFactorPolicy');
      await showPolicy(res, 200, newNonce(), undefined, doneOf(req));
    } catch (error) {
      sendRefusal(req, res, error, USERS_PATH);
    }
  });

  router.post(TWO_FACTOR_POLICY_PATH, formBody, signedIn, requireSessionForm, async (req, res) => {
    const { user } = pageUser(res);
    try {
      requireIssuer(user, 'SetTwoFactorPolicy');
    } catch (error) {
      return sendRefusal(req, res, error, USERS_PATH);
    }
    const nonce = postedNonce(text(req.body._nonce));
    // Unticked boxes are not posted: none ticked is the empty policy.
    const values = { [POLICY_ROLES_FIELD]: typedList(req.body, POLICY_ROLES_FIELD) };
    try {
      await setTwoFactorPolicy(access, user, {
        commandId: webCommandId(user.userId, nonce),
        body: values,
      });
      res.redirect(303, `${TWO_FACTOR_POLICY_PATH}?${DONE_FIELD}=policy`);
    } catch (error) {
      const problem = problemFor(error, req);
      if (!problem || problem.status >= 500) throw error;
      await showPolicy(res, problem.status, nonce, {
        values,
        refusal: { input: POLICY_ROLES_FIELD, problem },
      });
    }
  });
  return router;
}

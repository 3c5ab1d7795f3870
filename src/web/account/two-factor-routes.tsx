import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { AccessError, ACCESS_RULES } from '../../access/access-rules';
import { generateSecret, isSecret, otpauthUri } from '../../access/totp';
import { enrollTwoFactor } from '../../access/two-factor-codes';
import {
  formBody,
  pageUser,
  requireSessionForm,
  requireSignedIn,
  send,
  sendRefusal,
  type PageServices,
} from '../page-kit';
import { HOME_PATH, TWO_FACTOR_PATH } from '../paths';
import { formField } from '../session/web-session';
import { TwoFactorActivePage, TwoFactorPage } from './two-factor-page';

const TITLE = 'Verifikasi dua langkah';

function sendEnrollment(res: Response, status: number, secret: string, codeError?: string): void {
  const { user, session, mustEnroll } = pageUser(res);
  send(
    res,
    status,
    TITLE,
    <TwoFactorPage
      user={user}
      csrfToken={session.csrfToken}
      secret={secret}
      otpauthUri={otpauthUri(secret, user.username)}
      mustEnroll={mustEnroll}
      codeError={codeError}
    />,
  );
}

/** The user's own two-factor enrollment: a new secret shown, confirmed by a code from it. */
export function twoFactorRoutes(services: PageServices): Router {
  const router = express.Router();
  const signedIn = requireSignedIn(services);

  router.get(TWO_FACTOR_PATH, signedIn, async (_req, res) => {
    const { user, session } = pageUser(res);
    if (user.twoFactorSecret !== undefined)
      return send(
        res,
        200,
        TITLE,
        <TwoFactorActivePage user={user} csrfToken={session.csrfToken} />,
      );
    await sendEnrollment(res, 200, generateSecret());
  });

  router.post(
    TWO_FACTOR_PATH,
    formBody,
    signedIn,
    requireSessionForm,
    async (req: Request, res: Response) => {
      const secret = formField(req, 'secret');
      try {
        await enrollTwoFactor(
          services,
          pageUser(res).user,
          randomUUID(),
          secret,
          formField(req, 'code'),
        );
        res.redirect(303, HOME_PATH);
      } catch (error) {
        // A tampered secret is not shown again: a new one replaces it.
        if (error instanceof AccessError && error.rule === 'TWO_FACTOR_CODE')
          return sendEnrollment(
            res,
            422,
            isSecret(secret) ? secret : generateSecret(),
            ACCESS_RULES.TWO_FACTOR_CODE.id,
          );
        sendRefusal(req, res, error, TWO_FACTOR_PATH);
      }
    },
  );
  return router;
}

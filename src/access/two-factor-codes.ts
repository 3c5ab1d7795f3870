import type { HandleOptions } from '../app/stream-handler';
import { AccessError } from './access-rules';
import type { AccessService } from './access-service';
import type { SessionFollower } from './session-follower';
import { actorOf, type User } from './state';
import { verifyCode } from './totp';

export interface TwoFactorCodesOptions {
  clock?: () => Date;
}

/**
 * Checks two-factor codes against the clock and records each accepted code's
 * time step in the session stream, so a code is accepted once only, on every
 * instance (the append at the folded revision settles two racing uses).
 */
export class TwoFactorCodes {
  private readonly clock: () => Date;

  constructor(
    private readonly follower: SessionFollower,
    options: TwoFactorCodesOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The code's time step when it is right for `secret` now and not used before; else undefined. */
  async accept(
    user: Pick<User, 'userId' | 'role' | 'displayName'>,
    secret: string,
    code: string,
  ): Promise<number | undefined> {
    const at = this.clock();
    const timeStep = verifyCode(secret, code, at);
    if (timeStep === undefined) return undefined;
    const recorded = await this.follower.record(
      { type: 'AcceptTwoFactorCode', userId: user.userId, timeStep, at },
      actorOf(user),
    );
    return recorded.length > 0 ? timeStep : undefined;
  }
}

/**
 * Records the user's enrollment once a code computed from `secret` proves
 * their authenticator app holds it; the code counts as used.
 */
export async function enrollTwoFactor(
  { access, twoFactor }: { access: AccessService; twoFactor: TwoFactorCodes },
  user: User,
  commandId: string,
  secret: string,
  code: string,
  options?: HandleOptions,
) {
  const timeStep = await twoFactor.accept(user, secret, code);
  if (timeStep === undefined) throw new AccessError('TWO_FACTOR_CODE', 'code', code);
  return access.execute(
    actorOf(user),
    commandId,
    'EnrollTwoFactor',
    { userId: user.userId, secret, timeStep },
    options,
  );
}

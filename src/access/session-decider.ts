import type { EventEvolvers } from '../domain/shared/decider';
import { factBuilder } from '../domain/shared/decider';
import type { Actor, Fact } from '../domain/shared/envelope';
import { commandFingerprint } from '../domain/shared/idempotency';
import { sessionEventSchemas, type SessionEndReason, type SessionEvent } from './session-events';
import { liveSession, liveSessionsOf, swept, type SessionState } from './session-state';
import { LOGIN_FAILURES_MAX, SESSIONS_PER_USER_MAX } from '../limits';

/** What the session stream is asked to record; the caller supplies the time. */
export type SessionCommand =
  | {
      type: 'StartSession';
      tokenHash: string;
      userId: string;
      at: Date;
      expiresAt: Date;
      throttleKey?: string;
    }
  | { type: 'EndSession'; tokenHash: string; at: Date; reason: SessionEndReason }
  | { type: 'RecordLoginFailure'; throttleKey: string; at: Date }
  | { type: 'AcceptTwoFactorCode'; userId: string; timeStep: number; at: Date };

const fact = factBuilder<SessionEvent>();

/**
 * Pure decisions of the session stream. Nothing is refused (the caller has
 * checked the password); ending a session that is not live records nothing,
 * nor does a two-factor code of a step already accepted for the user (a replay).
 */
export function decideSession(command: SessionCommand, state: SessionState): Fact<SessionEvent>[] {
  const at = command.at.toISOString();
  switch (command.type) {
    case 'StartSession': {
      const { tokenHash, userId, expiresAt, throttleKey } = command;
      const live = liveSessionsOf(state, userId, command.at.getTime());
      const superseded = live.slice(0, Math.max(0, live.length - SESSIONS_PER_USER_MAX + 1));
      return [
        ...superseded.map((session) =>
          fact('SessionEnded', {
            tokenHash: session.tokenHash,
            userId,
            endedAt: at,
            reason: 'superseded',
          }),
        ),
        fact('SessionStarted', {
          tokenHash,
          userId,
          startedAt: at,
          expiresAt: expiresAt.toISOString(),
          ...(throttleKey === undefined ? {} : { throttleKey }),
        }),
      ];
    }
    case 'EndSession': {
      const session = liveSession(state, command.tokenHash, command.at.getTime());
      if (!session) return [];
      return [
        fact('SessionEnded', {
          tokenHash: session.tokenHash,
          userId: session.userId,
          endedAt: at,
          reason: command.reason,
        }),
      ];
    }
    case 'RecordLoginFailure':
      return [fact('LoginFailed', { throttleKey: command.throttleKey, failedAt: at })];
    case 'AcceptTwoFactorCode': {
      const { userId, timeStep } = command;
      if (timeStep <= (state.twoFactorSteps.get(userId) ?? -1)) return [];
      return [fact('TwoFactorCodeAccepted', { userId, timeStep, acceptedAt: at })];
    }
  }
}

const sessionEvolvers: EventEvolvers<SessionEvent, SessionState> = {
  SessionStarted: (state, { data }) => ({
    ...state,
    sessions: state.sessions.set(data.tokenHash, {
      tokenHash: data.tokenHash,
      userId: data.userId,
      startedAt: Date.parse(data.startedAt),
      expiresAt: Date.parse(data.expiresAt),
    }),
    failures:
      data.throttleKey === undefined ? state.failures : state.failures.delete(data.throttleKey),
  }),
  SessionEnded: (state, { data }) => ({
    ...state,
    sessions: state.sessions.delete(data.tokenHash),
  }),
  LoginFailed: (state, { data }) => ({
    ...state,
    failures: state.failures.set(
      data.throttleKey,
      [...(state.failures.get(data.throttleKey) ?? []), Date.parse(data.failedAt)].slice(
        -LOGIN_FAILURES_MAX,
      ),
    ),
  }),
  TwoFactorCodeAccepted: (state, { data }) => ({
    ...state,
    twoFactorSteps: state.twoFactorSteps.set(data.userId, data.timeStep),
  }),
};

function eventTime(event: SessionEvent): string {
  switch (event.type) {
    case 'SessionStarted':
      return event.data.startedAt;
    case 'SessionEnded':
      return event.data.endedAt;
    case 'LoginFailed':
      return event.data.failedAt;
    case 'TwoFactorCodeAccepted':
      return event.data.acceptedAt;
  }
}

/** Folds one event, then sweeps out what had expired by the event's time. */
export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  const evolve = sessionEvolvers[event.type] as (s: SessionState, e: SessionEvent) => SessionState;
  return swept(evolve(state, event), Date.parse(eventTime(event)));
}

/** The decided facts as events, each with the envelope every stored event carries. */
export function sessionEvents(
  command: SessionCommand,
  facts: Fact<SessionEvent>[],
  commandId: string,
  actor: Actor,
): SessionEvent[] {
  const fingerprint = commandFingerprint({
    commandId,
    type: command.type,
    payload: command,
    actor,
  });
  return facts.map(
    ({ type, data }) =>
      ({
        type,
        data,
        metadata: {
          schemaVersion: sessionEventSchemas[type].version,
          commandId,
          commandFingerprint: fingerprint,
          actor,
        },
      }) as SessionEvent,
  );
}

export function sessionStreamId(regencyCode: string): string {
  return `sessions-${regencyCode}`;
}

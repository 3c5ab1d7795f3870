import { regencyOf } from '../../../src/domain/shared/region-codes';
import { DEMO_PASSWORD, demoUsername } from '../../../src/demo/demo-users';
import type { ScenarioStep } from '../../../src/scenario/scenario-step';

export const API_PATH = '/api/v1';

export const villageCommandPath = (villageCode: string, fiscalYear: number, type: string) =>
  `${API_PATH}/villages/${villageCode}/years/${fiscalYear}/commands/${type}`;

/** The endpoint a village's scenario step is sent to: its stream's commands, by command type. */
export const stepPath = (villageCode: string, fiscalYear: number, step: ScenarioStep) =>
  step.stream === 'village'
    ? villageCommandPath(villageCode, fiscalYear, step.type)
    : `${API_PATH}/regencies/${regencyOf(villageCode)}/years/${fiscalYear}/commands/${step.type}`;

export interface ApiAnswer<Body = Record<string, unknown>> {
  status: number;
  body: Body;
}

/** A thin JSON client of a running Kasdesa, logging in as demo users. */
export class KasdesaApi {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly baseUrl: string) {}

  /** A bearer token of the user, logging in once per user. */
  token(username: string, password: string = DEMO_PASSWORD): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = this.send('POST', `${API_PATH}/auth/login`, undefined, { username, password }).then(
        (answer) => {
          if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status}`);
          return answer.body.token as string;
        },
      );
      this.tokens.set(username, token);
    }
    return token;
  }

  async get(username: string, path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await this.token(username)}` },
    });
  }

  /**
   * Issues a scenario step of the village as the demo login of its role, its
   * command id as the Idempotency-Key; throws unless the answer is 201.
   */
  async villageStep(
    villageCode: string,
    fiscalYear: number,
    step: ScenarioStep,
  ): Promise<ApiAnswer> {
    const username = demoUsername(step.role, villageCode);
    const answer = await this.send(
      'POST',
      stepPath(villageCode, fiscalYear, step),
      await this.token(username),
      step.payload,
      step.commandId,
    );
    if (answer.status !== 201)
      throw new Error(
        `${step.type} on ${villageCode}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    return answer;
  }

  private async send(
    method: string,
    path: string,
    token: string | undefined,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<ApiAnswer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}

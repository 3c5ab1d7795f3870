import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { PlannedCommand } from './workload';
import { YEAR } from './scenario';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: Record<string, unknown> | undefined;
}

export interface SendOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  /** Drops the connection as soon as the request is written: the answer, if any, is lost. */
  abortAfterSend?: boolean;
}

/** One request on its own connection (no pooling), so a dropped connection loses exactly one answer. */
export function send(url: string, options: SendOptions = {}): Promise<HttpAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
      agent: false,
      headers: {
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parseJson(text) }),
      );
    });
    if (options.abortAfterSend)
      req.on('finish', () => setImmediate(() => req.destroy(new Error('aborted after send'))));
    req.end(payload);
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const answer = await send(`${baseUrl}/api/v1/auth/login`, { body: { username, password } });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${answer.text}`);
  return answer.body!.token as string;
}

export const villagePath = (baseUrl: string, village: string) =>
  `${baseUrl}/api/v1/villages/${village}/years/${YEAR}`;

/** Sends a planned command with its command id as the Idempotency-Key. */
export function sendCommand(
  baseUrl: string,
  token: string,
  planned: PlannedCommand,
  options: Pick<SendOptions, 'abortAfterSend' | 'headers'> = {},
): Promise<HttpAnswer> {
  return send(`${villagePath(baseUrl, planned.village)}/commands/${planned.raw.type}`, {
    body: planned.raw.payload,
    headers: { ...bearer(token), 'Idempotency-Key': planned.raw.commandId, ...options.headers },
    abortAfterSend: options.abortAfterSend,
  });
}

/** Statuses a client may meet under contention; each is a refusal with a rule and a reason. */
export const REFUSAL_STATUSES: readonly number[] = [409, 412, 422];

/** Whether a refusal names its rule and gives a reason in both languages. */
export function isExplainedRefusal(answer: HttpAnswer): boolean {
  const messages = answer.body?.messages as { id?: unknown; en?: unknown } | undefined;
  return (
    REFUSAL_STATUSES.includes(answer.status) &&
    typeof answer.body?.rule === 'string' &&
    typeof messages?.id === 'string' &&
    typeof messages.en === 'string'
  );
}

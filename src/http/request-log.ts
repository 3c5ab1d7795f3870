import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { context } from './request-context';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * One structured line per request when it finishes: request id (taken from
 * X-Request-Id when sane, else new, and echoed), user, stream, revision.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    context(res).requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const { user, stream, revision } = context(res);
      log.info(
        {
          requestId,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          user: user?.userId,
          role: user?.role,
          stream,
          revision,
        },
        'request',
      );
    });
    next();
  };
}

// The service's logger: pino with every secret-bearing path redacted (tokens, signatures, keys),
// and one line per request that names the caller but never their credentials.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';

/** Paths pino replaces with [Redacted] wherever a log call carries them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["cosell-signature"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["cosell-signature"]',
  'headers.cookie',
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'privateKey',
  '*.token',
  '*.tokens',
  '*.secret',
  '*.secrets',
  '*.password',
  '*.privateKey',
  '*.clientSecret',
  '*.accessToken',
  '*.refreshToken',
];

export function createServiceLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const config = {
    level: options.level ?? 'info',
    base: { service: 'cosell' },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** Logs each request when it finishes: route, status, time, and who called (subject and persona only). */
export function requestLog(
  logger: Logger,
  observe: (labels: { method: string; route: string; status: number }, seconds: number) => void,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const requestId = req.get('x-request-id')?.slice(0, 100) || randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      observe({ method: req.method, route, status: res.statusCode }, seconds);
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      logger[level](
        {
          requestId,
          method: req.method,
          route,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          subject: req.principal?.subject,
          persona: req.principal?.persona,
        },
        'request',
      );
    });
    next();
  };
}

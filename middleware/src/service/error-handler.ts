// The one place an error becomes an answer: a problem the route raised, a body the parser refused,
// or an unexpected failure, logged without anything a driver put in its message beyond the first line.
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { HttpProblem, PROBLEM_TYPES, sendProblem } from './problem.js';

/** Body-parser failures carry a `type`; each becomes the problem a client can act on. */
function parserProblem(error: { type?: string; message?: string }): HttpProblem | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(
        400,
        PROBLEM_TYPES.badRequest,
        `malformed JSON body: ${error.message ?? 'cannot parse'}`,
        {
          errors: [
            {
              field: 'body',
              message: 'not valid JSON (a JSON object or array is expected)',
              code: 'invalid_json',
            },
          ],
        },
      );
    case 'entity.too.large':
      return new HttpProblem(
        413,
        PROBLEM_TYPES.tooLarge,
        'request body is larger than this API accepts',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(
        415,
        PROBLEM_TYPES.unsupportedMediaType,
        error.message ?? 'unsupported body encoding',
      );
    default:
      break;
  }
  // Anything else body-parser refuses (a gzip header on a plain body, a bad length) carries its 4xx status.
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem(
      status,
      status === 415
        ? PROBLEM_TYPES.unsupportedMediaType
        : status === 413
          ? PROBLEM_TYPES.tooLarge
          : PROBLEM_TYPES.badRequest,
      `the request body could not be read: ${error.message ?? 'malformed'}`,
    );
  }
  return null;
}

/** What the log may say about an unexpected error: never a driver's SQL text or parameters (customer data). */
function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message.split('\n')[0]!.slice(0, 300),
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack?.split('\n').slice(1, 8).join('\n'),
  };
}

/** The app's last handler: every error leaves as application/problem+json. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  // Express recognises an error handler by its four parameters.
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    // The client hung up before its request was read: nobody is left to answer, and it is no fault here.
    if (
      (error as { type?: string }).type === 'request.aborted' ||
      (req.destroyed && (error as { code?: string }).code === 'ECONNRESET')
    ) {
      logger.info({ path: req.path }, 'client abandoned the request');
      return;
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem =
      error instanceof HttpProblem ? error : parserProblem(error as { type?: string });
    if (problem) {
      sendProblem(res, problem, req.path);
      return;
    }
    logger.error({ err: loggableError(error), path: req.path }, 'unhandled error');
    sendProblem(
      res,
      new HttpProblem(500, PROBLEM_TYPES.internal, 'unexpected failure; the service logged it'),
      req.path,
    );
  };
}

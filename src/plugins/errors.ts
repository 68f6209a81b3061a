import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError } from '../lib/app-error.js';
import { describeValidation } from './validation.js';

/** What went wrong, as a room answers it: the message is shown only below 500. */
export interface Problem {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** How a room answers a problem: JSON, or a page in its design. */
export type Answer = (request: FastifyRequest, reply: FastifyReply, problem: Problem) => unknown;

/**
 * Gives a room (the reader site, the back office's pages, its API) its error
 * handler: every error is logged with its request (500s as errors), described
 * as a Problem, and answered the room's way, in JSON or in the room's design.
 * If that answer itself fails (the database may be down), a plain one still
 * goes out. Returns the guarded answer, for the room's not-found page.
 */
export function handleErrors(scope: FastifyInstance, answer: Answer): Answer {
  const guarded: Answer = async (request, reply, problem) => {
    try {
      return await answer(request, reply, problem);
    } catch (pageError) {
      request.log.error({ err: pageError }, 'error page failed');
      return reply
        .code(problem.status)
        .type('text/plain; charset=utf-8')
        .send(problem.status === 404 ? 'Not found' : 'Error');
    }
  };
  scope.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    const problem = describe(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else
      request.log.info(
        { code: problem.code, status: problem.status, message: problem.message },
        'request refused',
      );
    return guarded(request, reply, problem);
  });
  return guarded;
}

/** The JSON answer to a problem: `{ "error": { "code", "message", "details"? } }` (docs/ERRORS.md). */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  const { status, code, message, details } = problem;
  return reply.code(status).send({ error: { code, message, ...(details ? { details } : {}) } });
}

export const NOT_FOUND: Problem = { status: 404, code: 'NOT_FOUND', message: 'not found' };

function describe(error: FastifyError | AppError, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.expose ? error.message : 'internal error',
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error.validation) {
    const part = error.validationContext ?? 'request';
    const first = error.validation[0] as ErrorObject | undefined;
    const sent: unknown = (
      { body: request.body, querystring: request.query, params: request.params } as Record<string, unknown>
    )[part];
    return {
      status: 400,
      code: 'INVALID_INPUT',
      message:
        first?.instancePath !== undefined
          ? describeValidation(part, first, sent)
          : `${part}: ${error.message}`,
    };
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status === 404) return NOT_FOUND;
  if (status === 429) return { status, code: 'RATE_LIMITED', message: error.message };
  return status < 500
    ? { status, code: 'INVALID_INPUT', message: error.message }
    : { status, code: 'INTERNAL', message: 'internal error' };
}

/**
 * Every error the application raises on purpose has a stable code. The table of
 * codes lives in docs/ERRORS.md; a test keeps the two in step.
 */
export const ERROR_CODES = {
  NOT_FOUND: 404,
  ARTICLE_NOT_FOUND: 404,
  INVALID_INPUT: 400,
  INVALID_BODY: 400,
  SLUG_TAKEN: 409,
  EDIT_CONFLICT: 409,
  IN_USE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  /** Whether `message` may be shown to the person who made the request. */
  readonly expose: boolean;
  /** Facts a client can act on, e.g. the current version after an edit conflict. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; expose?: boolean; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code];
    this.expose = options.expose ?? this.status < 500;
    this.details = options.details;
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

export function forbidden(what: string): AppError {
  return new AppError('FORBIDDEN', `your role does not allow you to ${what}`);
}

export function invalidInput(where: string, what: string): AppError {
  return new AppError('INVALID_INPUT', `${where}: ${what}`);
}

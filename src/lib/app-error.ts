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

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; expose?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code];
    this.expose = options.expose ?? this.status < 500;
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

export function invalidInput(where: string, what: string): AppError {
  return new AppError('INVALID_INPUT', `${where}: ${what}`);
}

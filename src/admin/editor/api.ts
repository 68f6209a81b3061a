/**
 * The admin API as the editor calls it: JSON in and out, the session's CSRF
 * token on every request that changes data, errors as `{ code, message, details }`.
 */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  options: { keepalive?: boolean; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      keepalive: options.keepalive,
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return {
      ok: false,
      error: {
        status: 0,
        code: 'NETWORK',
        message: 'the server could not be reached: check your connection',
      },
    };
  }
  const json = (await response.json().catch(() => null)) as
    (T & { error?: { code?: string; message?: string; details?: Record<string, unknown> } }) | null;
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const error = json?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: error?.code ?? 'INTERNAL',
      message: error?.message ?? `the server answered ${response.status}`,
      details: error?.details,
    },
  };
}

/** A headline found by GET /api/admin/headlines. */
export interface FoundHeadline {
  id: number;
  title: string;
  status: string;
  publishedAt: string | null;
}

export async function searchHeadlines(q: string, signal?: AbortSignal): Promise<FoundHeadline[]> {
  const result = await api<{ articles: FoundHeadline[] }>(
    'GET',
    `/api/admin/headlines?q=${encodeURIComponent(q)}`,
    undefined,
    { signal },
  );
  return result.ok ? result.data.articles : [];
}

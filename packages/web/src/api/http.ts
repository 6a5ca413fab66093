import type { ErrorBody } from '@courtrisk/core';
import { zh } from '../locales/zh-CN';

export const API_BASE = '/api/v1';

type FieldError = NonNullable<ErrorBody['fields']>[number];

/** A failed API call: the server's stable `code` and its Chinese `message` for court staff. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly fields: FieldError[] = [],
    /** The whole error body, for endpoints that send more than a message (e.g. `problems` of `rules_invalid`). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * How the wrapper talks to the session without importing the store or router
 * (keeps this module free of cycles and easy to test with a stubbed fetch).
 */
export interface HttpSessionHooks {
  /** The CSRF token of the current session, sent on every state-changing request. */
  csrfToken(): string | null;
  /** 401: the session ended or expired. */
  onUnauthorized(error: ApiError): void;
  /** 403 `password_change_required`: the account must change its initial password first. */
  onPasswordChangeRequired(error: ApiError): void;
}

let hooks: HttpSessionHooks = {
  csrfToken: () => null,
  onUnauthorized: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

export function setHttpSessionHooks(next: HttpSessionHooks): void {
  hooks = next;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, leaving out empty values so "no filter" is not sent as `a=`. */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Full URL of an API path, for links such as XLSX exports. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a file upload), as `application/octet-stream`. */
  raw?: Blob;
}

async function readErrorBody(response: Response): Promise<Partial<ErrorBody> & Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Partial<ErrorBody> & Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readErrorBody(response);
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : 'http_error',
    typeof body.message === 'string' && body.message ? body.message : zh.errors.httpStatus(response.status),
    typeof body.requestId === 'string' ? body.requestId : null,
    Array.isArray(body.fields) ? body.fields : [],
    body,
  );
}

/** One JSON request against `/api/v1`; throws `ApiError` for every failure, network ones included. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.raw !== undefined) headers['Content-Type'] = 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = hooks.csrfToken();
  if (STATE_CHANGING.has(method) && token) headers['X-CSRF-Token'] = token;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'network', zh.errors.network);
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) hooks.onUnauthorized(error);
    else if (error.status === 403 && error.code === 'password_change_required') hooks.onPasswordChangeRequired(error);
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  /** Posts a file as the raw request body (the server streams it to disk). */
  upload: <T>(path: string, file: Blob, query?: Record<string, QueryValue>) => request<T>('POST', path, { query, raw: file }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

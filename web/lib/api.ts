/**
 * The HTTP API as the browser sees it: JSON in and out, the API's one error shape turned into ApiError
 * (code, message, per-field issues), and the version header (`ETag`) officers send back as `If-Match`.
 */
import { loadConfig } from './config.ts';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    /** The answer's whole body, for routes whose refusal carries a report (the roster's dry run). */
    readonly body?: unknown,
  ) {
    super(message);
  }
  /** The first issue of a field (`complainant.phone`), if the API named it. */
  issueFor(path: string): FieldIssue | undefined {
    return this.issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
  }
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly body?: unknown;
  readonly query?: Record<string, string | undefined>;
  readonly token?: string;
  readonly ifMatch?: string;
  readonly idempotencyKey?: string;
}

export interface ApiResponse<T> {
  readonly data: T;
  /** The resource's version (officer routes), for If-Match. */
  readonly version?: string;
}

const errorFrom = (status: number, body: unknown): ApiError => {
  const error = (body as { error?: { code?: string; message?: string; issues?: FieldIssue[] } })?.error;
  if (error)
    return new ApiError(status, error.code ?? 'error', error.message ?? '', error.issues ?? [], body);
  const message = (body as { message?: string })?.message ?? `HTTP ${status}`;
  return new ApiError(status, status === 401 ? 'unauthorized' : 'error', message, [], body);
};

export const api = async <T>(path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> => {
  const { apiUrl } = await loadConfig();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== '') query.set(key, value);
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.ifMatch) headers['if-match'] = request.ifMatch;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}${query.size > 0 ? `?${query}` : ''}`, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The service could not be reached');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFrom(response.status, body);
  const version = response.headers.get('etag') ?? undefined;
  return { data: body as T, ...(version ? { version } : {}) };
};

/**
 * One key per distinct request body: pressing submit twice re-sends the same key (the API files once), while
 * a corrected form is a new request with a new key (reusing a key with another body is a 422).
 */
export const idempotencyKeys = (): ((body: unknown) => string) => {
  let last: { body: string; key: string } | undefined;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: crypto.randomUUID() };
    return last.key;
  };
};

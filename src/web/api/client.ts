import { Problem } from '../../contracts/errors.js';

/** A failed API call: the server's problem+json when there is one (its texts are already translated). */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The RFC 9457 body, or null for network failures and non-API answers. */
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The stable error code, if the server sent one. */
  get code(): Problem['code'] | null {
    return this.problem?.code ?? null;
  }

  /** Field problems by field name ("body.subject" and "subject" both give "subject"). */
  get fields(): Record<string, true> {
    const out: Record<string, true> = {};
    for (const e of this.problem?.errors ?? []) out[e.path.replace(/^(body|querystring|params)\./, '').split('.')[0]!] = true;
    return out;
  }
}

/** Query-string values; undefined and null are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

let csrfToken: string | null = null;
let language = 'en';
let onUnauthorized: () => void = () => {};

/** Remembers the CSRF token that cookie-authenticated writes must carry (from sign-in and GET /me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The language sent as Accept-Language, so answers of the server match the interface before sign-in too. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when the server says the session is gone (401 on a call that needed one). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Builds /api/v1 URLs with a query string. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

function headersFor(method: string, json: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (json) h['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) h['x-csrf-token'] = csrfToken;
  return h;
}

async function problemOf(status: number, contentType: string | null, text: string): Promise<ApiError> {
  if (contentType?.includes('json')) {
    try {
      const parsed = Problem.safeParse(JSON.parse(text));
      if (parsed.success) return new ApiError(status, parsed.data);
    } catch {
      /* not JSON after all: answered below */
    }
  }
  return new ApiError(status, null);
}

function fail(error: ApiError, path: string): never {
  if (error.status === 401 && !path.startsWith('/auth/')) onUnauthorized();
  throw error;
}

/** Calls the API with an optional JSON body; resolves to the parsed answer (undefined for 204). */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: { query?: QueryParams; json?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, options.json !== undefined),
      body: options.json === undefined ? null : JSON.stringify(options.json),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }
  const text = await res.text();
  if (!res.ok) fail(await problemOf(res.status, res.headers.get('content-type'), text), path);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sends multipart/form-data (files) with upload progress, which fetch cannot report.
 * `onProgress` receives the share sent, 0 to 1.
 */
export function apiUpload<T>(method: 'POST' | 'PATCH', path: string, form: FormData, onProgress?: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, apiUrl(path));
    for (const [k, v] of Object.entries(headersFor(method, false))) xhr.setRequestHeader(k, v);
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      void problemOf(xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText).then((err) => {
        try {
          fail(err, path);
        } catch (e) {
          reject(e as Error);
        }
      });
    };
    xhr.send(form);
  });
}

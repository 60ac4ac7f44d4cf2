let csrfToken = null;

export function setCsrf(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor({ message, code, fields, requestId }, status) {
    super(message || '请求失败');
    this.name = 'ApiError';
    this.code = code || 'UNKNOWN';
    this.fields = fields || null;
    this.requestId = requestId || null;
    this.status = status;
  }
}

export function isAbort(err) {
  return err && err.name === 'AbortError';
}

export function loginUrl() {
  return '/console/login?next=' + encodeURIComponent(location.hash);
}

function buildQuery(params) {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

async function readBody(res) {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorFrom(res, body) {
  const data = body && typeof body === 'object' ? body : {};
  let message = data.message || `服务器错误（HTTP ${res.status}）`;
  if (res.status === 429) {
    const wait = Number.parseInt(res.headers.get('Retry-After') || '', 10);
    const hint = Number.isFinite(wait) ? `请 ${wait} 秒后重试` : '请稍后重试';
    message = `${data.message || '操作过于频繁'}（${hint}）`;
  }
  return new ApiError({ ...data, message, code: data.code || `HTTP_${res.status}` }, res.status);
}

export async function api(path, { method = 'GET', body, query, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res;
  try {
    res = await fetch('/console/api' + path + buildQuery(query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError({ code: 'NETWORK', message: '网络连接失败，请检查网络后重试' }, 0);
  }
  if (res.status === 401) {
    location.href = loginUrl();
    throw new ApiError({ code: 'UNAUTHENTICATED', message: '登录已失效，正在跳转到登录页…' }, 401);
  }
  const data = await readBody(res);
  if (!res.ok) throw errorFrom(res, data);
  return data;
}

export function newRequestId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The one way pages talk to the gateway. It logs in with wx.login + POST /session when there is
// no session, adds the access token, refreshes the session once on a 401 and tries again, and
// shows every failure the same way (a toast). No page calls wx.request itself.
const config = require('../config');
const { ApiError, messageFor } = require('./errors');
const { wxp } = require('./wx');

const STORAGE_KEY = 'tierpoint.session';

const state = {
  session: null, // {accessToken, refreshToken, memberId}
  inviteCode: '', // sent with the next login, so that a new member is enrolled with it
  lastLogin: null, // {memberId, newMember, inviteCode, inviteRejectionReason}
  loggingIn: null, // the login in flight
  renewing: null, // the refresh (or re-login) in flight
};

function gatewayOrigin() {
  const match = /^https?:\/\/[^/]+/.exec(config.baseUrl);
  return match ? match[0] : '';
}

/** "/me" -> base + "/me"; a host-absolute "/api/v1/..." (as in posterUrl) -> origin + path */
function urlFor(path) {
  if (/^https?:\/\//.test(path)) return path;
  if (path.indexOf('/api/') === 0) return gatewayOrigin() + path;
  return config.baseUrl + path;
}

// one HTTP exchange; resolves with any status, rejects only when the network failed
function exchange({ path, method = 'GET', data, header = {}, token }) {
  const headers = Object.assign({}, header);
  if (token) headers.Authorization = `Bearer ${token}`;
  return wxp('request', { url: urlFor(path), method, data, header: headers, timeout: config.timeout }).catch(
    (err) => {
      throw new ApiError({ code: 'NETWORK', message: (err && err.errMsg) || 'request failed' });
    },
  );
}

function headerValue(header, name) {
  if (!header) return undefined;
  const key = Object.keys(header).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? header[key] : undefined;
}

function errorFrom(res) {
  const body = res.data && typeof res.data === 'object' ? res.data : {};
  return new ApiError({
    statusCode: res.statusCode,
    code: body.code || `HTTP_${res.statusCode}`,
    message: body.message,
    fields: body.fields || [],
    requestId: body.requestId || headerValue(res.header, 'X-Request-Id') || '',
    retryAfter: parseInt(headerValue(res.header, 'Retry-After'), 10) || 0,
  });
}

const ok = (res) => res.statusCode >= 200 && res.statusCode < 300;

function saveSession(data) {
  state.session = {
    accessToken: data.accessToken,
    refreshToken: data.refreshToken,
    memberId: data.memberId,
  };
  wx.setStorageSync(STORAGE_KEY, state.session);
}

function currentSession() {
  if (!state.session) {
    const stored = wx.getStorageSync(STORAGE_KEY);
    state.session = stored && stored.accessToken ? stored : null;
  }
  return state.session;
}

async function logIn() {
  const { code } = await wxp('login', {}).catch((err) => {
    throw new ApiError({ code: 'WX_LOGIN_FAILED', message: (err && err.errMsg) || 'wx.login failed' });
  });
  const inviteCode = state.inviteCode;
  const body = inviteCode ? { code, inviteCode } : { code };
  const res = await exchange({ path: '/session', method: 'POST', data: body });
  if (!ok(res)) throw errorFrom(res);
  saveSession(res.data);
  state.inviteCode = '';
  state.lastLogin = {
    memberId: res.data.memberId,
    newMember: Boolean(res.data.newMember),
    inviteCode,
    inviteRejectionReason: res.data.inviteRejectionReason || '',
  };
  return state.session;
}

/** Logs in (wx.login + POST /session); calls at the same time share one login. */
function login() {
  if (!state.loggingIn) {
    state.loggingIn = logIn().finally(() => {
      state.loggingIn = null;
    });
  }
  return state.loggingIn;
}

async function refreshOrLogIn() {
  const session = currentSession();
  if (session && session.refreshToken) {
    const res = await exchange({
      path: '/session/refresh',
      method: 'POST',
      data: { refreshToken: session.refreshToken },
    });
    if (ok(res)) {
      saveSession(res.data);
      return state.session;
    }
    if (res.statusCode !== 401) throw errorFrom(res);
  }
  // the refresh token is spent or unknown: start over with wx.login
  return login();
}

/**
 * A fresh session after `staleToken` was refused. Requests refused at the same time share one
 * refresh, and one that was refused with a token already replaced just uses the new one.
 */
function renew(staleToken) {
  if (state.renewing) return state.renewing;
  const session = currentSession();
  if (session && session.accessToken !== staleToken) return Promise.resolve(session);
  state.renewing = refreshOrLogIn().finally(() => {
    state.renewing = null;
  });
  return state.renewing;
}

async function ensureSession() {
  if (state.renewing) return state.renewing;
  return currentSession() || login();
}

// an authorised call that is tried once more after renewing the session on a 401
async function authorised(send) {
  let session = await ensureSession();
  let res = await send(session.accessToken);
  if (res.statusCode === 401) {
    session = await renew(session.accessToken);
    res = await send(session.accessToken);
  }
  return res;
}

function showError(error) {
  wx.showToast({ title: messageFor(error), icon: 'none', duration: 2500 });
}

// runs a call with the loading indicator (when asked) and the one error style
async function withFeedback(options, call) {
  const loading = Boolean(options.loading);
  if (loading) wx.showLoading({ title: typeof options.loading === 'string' ? options.loading : '加载中', mask: true });
  try {
    const result = await call();
    if (loading) wx.hideLoading();
    return result;
  } catch (error) {
    // hide first: in WeChat hideLoading would also close a toast shown before it
    if (loading) wx.hideLoading();
    if (!options.silent) showError(error);
    throw error;
  }
}

/**
 * Calls the gateway and resolves with the answer's body.
 * @param {string} path e.g. "/me" (relative to config.baseUrl)
 * @param {object} [options]
 * @param {string} [options.method] GET (default), POST, DELETE
 * @param {object} [options.data] the query (GET) or the JSON body
 * @param {object} [options.header] extra headers (e.g. Idempotency-Key)
 * @param {boolean|string} [options.loading] show wx.showLoading while the call runs (a string is its title)
 * @param {boolean} [options.silent] do not show the error toast (the caller shows the error itself)
 * @returns {Promise<any>} the body; rejects with an ApiError
 */
function request(path, options = {}) {
  return withFeedback(options, async () => {
    const res = await authorised((token) =>
      exchange({ path, method: options.method, data: options.data, header: options.header, token }),
    );
    if (!ok(res)) throw errorFrom(res);
    return res.data;
  });
}

/**
 * Downloads a file the gateway serves only with the session (the invite poster) and resolves
 * with its temporary path.
 */
function download(path, options = {}) {
  return withFeedback(options, async () => {
    const fetch = (token) =>
      wxp('downloadFile', { url: urlFor(path), header: { Authorization: `Bearer ${token}` } }).catch((err) => {
        throw new ApiError({ code: 'NETWORK', message: (err && err.errMsg) || 'download failed' });
      });
    const res = await authorised(fetch);
    if (!ok(res)) throw new ApiError({ statusCode: res.statusCode, code: `HTTP_${res.statusCode}` });
    return res.tempFilePath;
  });
}

/** Remembers an invite code (from a shared card or a poster) for the next login. */
function setInviteCode(code) {
  state.inviteCode = code || '';
}

/** What the last login answered (new member? invite refused?), or null before any login. */
function lastLogin() {
  return state.lastLogin;
}

function hasSession() {
  return Boolean(currentSession());
}

/** Forgets the session on this device (the tokens stay valid at the gateway until they expire). */
function clearSession() {
  state.session = null;
  state.inviteCode = '';
  state.lastLogin = null;
  state.loggingIn = null;
  state.renewing = null;
  wx.removeStorageSync(STORAGE_KEY);
}

module.exports = {
  request,
  get: (path, options = {}) => request(path, Object.assign({}, options, { method: 'GET' })),
  post: (path, data, options = {}) => request(path, Object.assign({}, options, { method: 'POST', data })),
  download,
  login,
  ensureSession,
  hasSession,
  setInviteCode,
  lastLogin,
  clearSession,
  showError,
  urlFor,
};

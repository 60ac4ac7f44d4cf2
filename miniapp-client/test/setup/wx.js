// The only place wx.* is defined in the tests: a stub whose wx.request answers from the recorded
// gateway responses in test/fixtures (see wxStub.route) and whose other APIs succeed unless a
// test says otherwise. Callbacks run asynchronously, as in WeChat.
const fs = require('fs');
const path = require('path');

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
}

const later = (fn) => Promise.resolve().then(fn);

function respond(options, outcome) {
  later(() => {
    if (outcome && outcome.fail) {
      if (options.fail) options.fail(outcome.fail);
    } else if (options.success) {
      options.success(outcome);
    }
    if (options.complete) options.complete(outcome);
  });
}

// routes: [{method, path, answers: [fixture name | response | (request) => response]}]
let routes = [];
let storage = {};

function pathOf(url) {
  const withoutQuery = url.split('?')[0];
  return withoutQuery.replace(/^https?:\/\/[^/]+/, '').replace(/^\/api\/v1/, '');
}

function resolveAnswer(answer, req) {
  const value = typeof answer === 'function' ? answer(req) : answer;
  if (typeof value === 'string') return fixture(value);
  return value;
}

function answerFor(req) {
  const method = (req.method || 'GET').toUpperCase();
  const route = routes.find((r) => r.method === method && r.path === pathOf(req.url));
  if (!route) {
    return { statusCode: 404, header: {}, data: { code: 'NOT_FOUND', message: `no stub for ${method} ${req.url}` } };
  }
  const answer = route.answers.length > 1 ? route.answers.shift() : route.answers[0];
  return resolveAnswer(answer, req);
}

const stub = {
  fixture,
  /** Answers `METHOD /path` (relative to the API root) with fixtures or responses, in turn; the last repeats. */
  route(key, ...answers) {
    const [method, p] = key.split(' ');
    routes = routes.filter((r) => !(r.method === method && r.path === p));
    routes.push({ method, path: p, answers });
  },
  /** The wx.request calls made so far to `METHOD /path`. */
  requests(key) {
    const [method, p] = key.split(' ');
    return wx.request.mock.calls
      .map((c) => c[0])
      .filter((r) => (r.method || 'GET').toUpperCase() === method && pathOf(r.url) === p);
  },
  /** A failure as WeChat reports it to fail callbacks. */
  networkError: { fail: { errMsg: 'request:fail timeout' } },
  reset() {
    routes = [];
    storage = {};
    stub.route('POST /session', 'session');
    stub.route('POST /session/refresh', 'session-refresh');
  },
};

global.wxStub = stub;

global.wx = {
  request: jest.fn((options) => respond(options, answerFor(options))),
  downloadFile: jest.fn((options) => {
    const res = answerFor(Object.assign({ method: 'GET' }, options));
    respond(options, res.fail ? res : { statusCode: res.statusCode, tempFilePath: 'wxfile://tmp/poster.png' });
  }),
  login: jest.fn((options) => respond(options, { code: 'wx-login-code', errMsg: 'login:ok' })),
  getStorageSync: jest.fn((key) => (key in storage ? storage[key] : '')),
  setStorageSync: jest.fn((key, value) => {
    storage[key] = value;
  }),
  removeStorageSync: jest.fn((key) => {
    delete storage[key];
  }),
  showLoading: jest.fn(),
  hideLoading: jest.fn(),
  showToast: jest.fn(),
  showModal: jest.fn((options) => respond(options, { confirm: true, cancel: false })),
  stopPullDownRefresh: jest.fn(),
  saveImageToPhotosAlbum: jest.fn((options) => respond(options, { errMsg: 'saveImageToPhotosAlbum:ok' })),
  openSetting: jest.fn((options) => respond(options, { authSetting: {} })),
  requestSubscribeMessage: jest.fn((options) => respond(options, { errMsg: 'requestSubscribeMessage:ok' })),
  getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/card/card', query: {}, scene: 1001 })),
  showShareMenu: jest.fn(),
  navigateTo: jest.fn(),
  reLaunch: jest.fn(),
};

stub.reset();

#!/usr/bin/env node
// Re-records test/fixtures/*.json from a running gateway in sandbox mode (bin/quickstart at the
// repository root). Every fixture is what wx.request hands its success callback:
// {statusCode, header, data}. Tokens are replaced by fixed strings so that the files only change
// when the API does. Run from miniapp-client/: npm run record-fixtures
//
//   GW       the gateway's API base   (default http://127.0.0.1:8080/api/v1)
//   SANDBOX  the WeChat sandbox        (default http://127.0.0.1:8091)
//   CORE_JAR the core jar whose CLI grants points and reports orders
//            (default ../core-server/target/core-server.jar, run from the repository root)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const out = path.resolve(here, '..', 'test', 'fixtures');
const GW = process.env.GW || 'http://127.0.0.1:8080/api/v1';
const SANDBOX = process.env.SANDBOX || 'http://127.0.0.1:8091';
const CORE_JAR = process.env.CORE_JAR || path.join(repoRoot, 'core-server', 'target', 'core-server.jar');
// each run enrolls new WeChat users, so the script can run again against the same sandbox
const run = Date.now().toString(36);

const KEPT_HEADERS = ['content-type', 'retry-after'];

function sanitize(data) {
  if (data && typeof data === 'object' && 'accessToken' in data) {
    return { ...data, accessToken: 'recorded-access-token', refreshToken: 'recorded-refresh-token' };
  }
  return data;
}

async function call(method, url, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const header = {};
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) header[name.replace(/(^|-)\w/g, (c) => c.toUpperCase())] = value;
  }
  const type = res.headers.get('content-type') || '';
  let data;
  if (type.includes('json')) data = await res.json();
  else if (type.startsWith('image/')) data = `<${(await res.arrayBuffer()).byteLength} bytes of ${type}>`;
  else data = await res.text();
  return { statusCode: res.status, header, data };
}

function save(name, response, expectStatus) {
  if (expectStatus && response.statusCode !== expectStatus) {
    throw new Error(`${name}: expected ${expectStatus}, got ${response.statusCode} ${JSON.stringify(response.data)}`);
  }
  const fixture = { ...response, data: sanitize(response.data) };
  writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`${name}.json  ${response.statusCode}`);
  return response.data;
}

async function wxLogin(user) {
  const r = await call('POST', `${SANDBOX}/sandbox/wx-login`, { body: { user } });
  return r.data;
}

async function login(user, extra = {}) {
  const { code, openid } = await wxLogin(user);
  const r = await call('POST', `${GW}/session`, { body: { code, ...extra } });
  if (r.statusCode !== 200) throw new Error(`login ${user}: ${r.statusCode} ${JSON.stringify(r.data)}`);
  return { ...r.data, openid, raw: r };
}

function core(...args) {
  execFileSync('java', ['-jar', CORE_JAR, 'cli', ...args], { cwd: repoRoot, stdio: 'pipe' });
}

async function main() {
  mkdirSync(out, { recursive: true });
  const get = (p, token) => call('GET', `${GW}${p}`, { token });
  const post = (p, token, body) => call('POST', `${GW}${p}`, { token, body });

  // a brand-new member: every empty state
  const carol = await login(`carol-${run}`, { nickname: '小新' });
  save('session', carol.raw, 200);
  save('me-new', await get('/me', carol.accessToken), 200);
  save('transactions-empty', await get('/points/transactions?pageSize=10', carol.accessToken), 200);
  save('calendar-empty', await get('/checkin/calendar', carol.accessToken), 200);
  save('invites-empty', await get('/invites?pageSize=20', carol.accessToken), 200);
  save('subscriptions', await get('/subscriptions', carol.accessToken), 200);
  save('leaderboard-empty', await get('/leaderboard?top=20&month=2000-01', carol.accessToken), 200);

  // Alice: checks in, earns, orders ¥2700 (silver, ¥300 and one invite short of gold), redeems
  const alice = await login(`alice-${run}`, { nickname: '小美' });
  save('checkin', await post('/checkin', alice.accessToken), 200);
  save('checkin-again', await post('/checkin', alice.accessToken), 200);
  save('calendar', await get('/checkin/calendar', alice.accessToken), 200);
  core('earn', '--member', alice.memberId, '--points', '200', '--reason', '评价奖励');
  core('order', '--order', `SO${run}`, '--member', alice.memberId, '--amount-fen', '270000', '--status', 'PAID');
  core('redeem', '--member', alice.memberId, '--points', '150', '--reason', '兑换10元券');
  save('me', await get('/me', alice.accessToken), 200);
  save('tiers', await get('/tiers', alice.accessToken), 200);
  const page1 = save('transactions-page1', await get('/points/transactions?pageSize=2', alice.accessToken), 200);
  save(
    'transactions-page2',
    await get(`/points/transactions?pageSize=2&pageToken=${encodeURIComponent(page1.nextPageToken)}`, alice.accessToken),
    200,
  );

  // invitations: Alice's share payload and poster, Bob arrives with her code
  const invite = save('invite', await post('/invites', alice.accessToken), 200);
  save('invite-poster', await get(`/invites/${invite.code}/poster.png`, alice.accessToken), 200);
  const bob = await login(`bob-${run}`, { inviteCode: invite.code, nickname: '阿博' });
  save('session-invited', bob.raw, 200);
  save('invite-poster-not-yours', await get(`/invites/${invite.code}/poster.png`, bob.accessToken), 404);
  save('invites-accept-conflict', await post('/invites/accept', bob.accessToken, { code: invite.code }), 409);
  // an existing member arriving with a code still logs in; the code is refused
  save('session-invite-not-new', (await login(`carol-${run}`, { inviteCode: invite.code })).raw, 200);
  save('invites', await get('/invites?pageSize=20', alice.accessToken), 200);

  // Alice shares her phone with the getPhoneNumber button; the same code a second time is refused
  const { code: phoneCode } = (await call('POST', `${SANDBOX}/sandbox/phone-code`, { body: { phone: '13800138000' } })).data;
  save('phone', await post('/me/phone', alice.accessToken, { code: phoneCode }), 200);
  save('phone-code-invalid', await post('/me/phone', alice.accessToken, { code: phoneCode }), 400);
  save('leaderboard', await get('/leaderboard?top=20', alice.accessToken), 200);

  // reminders: Alice allows one template, refuses another
  save('subscriptions-after', await post('/subscriptions', alice.accessToken, {
    results: { 'sandbox-tpl-tier-upgraded': 'accept', 'sandbox-tpl-points-expiring': 'reject' },
  }), 200);
  save('subscriptions-unknown-template', await post('/subscriptions', alice.accessToken, {
    results: { 'no-such-template': 'accept' },
  }), 400);

  // sessions: refresh, a refresh token used twice, a token that is not valid
  const refreshed = await post('/session/refresh', undefined, { refreshToken: alice.refreshToken });
  save('session-refresh', refreshed, 200);
  save('session-refresh-expired', await post('/session/refresh', undefined, { refreshToken: alice.refreshToken }), 401);
  save('error-unauthenticated', await get('/me', 'v1.not-a-token.x'), 401);
  save('session-code-used', await call('POST', `${GW}/session`, { body: { code: 'no-such-code' } }), 401);

  // rate limit: check-in allows 5 calls a minute per member
  const dave = await login(`dave-${run}`);
  let limited;
  for (let i = 0; i < 10 && !limited; i += 1) {
    const r = await post('/checkin', dave.accessToken);
    if (r.statusCode === 429) limited = r;
  }
  if (!limited) throw new Error('check-in was never rate limited');
  save('checkin-rate-limited', limited, 429);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});

import { api, setCsrf, isAbort } from './api.js';
import { h, fmtNum, errorView, loadingView } from './dom.js';
import { lookupPage } from './pages/lookup.js';
import { memberPage } from './pages/member.js';
import { groupsPage, groupPage } from './pages/group.js';
import { dashboardPage } from './pages/dashboard.js';
import { operatorsPage, auditPage } from './pages/admin.js';

const ROLE_LABELS = { ADMIN: '管理员', OPERATOR: '运营', VIEWER: '只读' };

const ROUTES = [
  { pattern: /^\/lookup$/, page: lookupPage, nav: 'lookup' },
  { pattern: /^\/member\/([^/]+)$/, page: memberPage, nav: 'lookup' },
  { pattern: /^\/groups$/, page: groupsPage, nav: 'groups' },
  { pattern: /^\/group\/([^/]+)$/, page: groupPage, nav: 'groups' },
  { pattern: /^\/dashboard$/, page: dashboardPage, nav: 'dashboard' },
  { pattern: /^\/operators$/, page: operatorsPage, nav: 'operators', admin: true },
  { pattern: /^\/audit$/, page: auditPage, nav: 'audit', admin: true },
];

const NAV = [
  { key: 'lookup', href: '#/lookup', label: '查询会员' },
  { key: 'groups', href: '#/groups', label: '社群' },
  { key: 'dashboard', href: '#/dashboard', label: '数据看板' },
  { key: 'operators', href: '#/operators', label: '操作员', admin: true },
  { key: 'audit', href: '#/audit', label: '审计日志', admin: true },
];

const state = { me: null, controller: null };

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/lookup';
  const [path, qs] = raw.split('?');
  return { path, params: new URLSearchParams(qs || '') };
}

function renderSession() {
  const me = state.me;
  const box = document.getElementById('session');
  const parts = [
    h('span', { class: 'operator-name', id: 'operator-name' }, me.name || me.userId),
    me.name && me.name !== me.userId ? h('span', { class: 'operator-id', id: 'operator-id' }, me.userId) : null,
    h('span', { class: 'role-badge', id: 'operator-role', 'data-role': me.role }, ROLE_LABELS[me.role] || me.role),
  ];
  if (me.role !== 'VIEWER') {
    parts.push(h('span', { class: 'quota', id: 'quota', 'data-remaining': me.remainingToday },
      '今日剩余额度 ', h('strong', { id: 'quota-remaining' }, fmtNum(me.remainingToday)),
      ' / ', fmtNum(me.dailyGrantCap)));
  }
  parts.push(h('button', { type: 'button', id: 'logout', class: 'button secondary small', onclick: logout }, '退出'));
  box.replaceChildren(...parts.filter(Boolean));
}

function renderNav(active) {
  const isAdmin = state.me.role === 'ADMIN';
  const links = NAV.filter((n) => !n.admin || isAdmin).map((n) =>
    h('a', { href: n.href, 'data-nav': n.key, 'aria-current': n.key === active ? 'page' : undefined }, n.label));
  document.getElementById('nav').replaceChildren(...links);
}

async function logout(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await api('/logout', { method: 'POST' });
  } catch (err) {
    if (err.status === 401) return;
  }
  location.href = '/console/login';
}

function updateQuota({ grantedToday, remainingToday }) {
  if (remainingToday === undefined) return;
  Object.assign(state.me, { grantedToday, remainingToday });
  renderSession();
}

async function refreshMe() {
  const me = await api('/me');
  state.me = me;
  setCsrf(me.csrf);
  renderSession();
  return me;
}

function route() {
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;
  const { path, params } = parseHash();
  let match = null;
  const entry = ROUTES.find((r) => (match = path.match(r.pattern)));
  const main = document.getElementById('main');
  if (!entry) {
    location.replace('#/lookup');
    return;
  }
  renderNav(entry.nav);
  main.replaceChildren();
  const ctx = {
    me: state.me, signal: controller.signal, params, main, updateQuota, refreshMe,
    after(ms, fn) {
      const onAbort = () => clearTimeout(timer);
      const timer = setTimeout(() => {
        controller.signal.removeEventListener('abort', onAbort);
        fn();
      }, ms);
      controller.signal.addEventListener('abort', onAbort, { once: true });
    },
  };
  if (entry.admin && state.me.role !== 'ADMIN') {
    main.append(h('h1', { tabindex: '-1' }, '无权访问'), errorView({ code: 'FORBIDDEN', message: '仅管理员可以访问此页面' }));
    return;
  }
  entry.page(ctx, ...match.slice(1).map(decodeURIComponent));
  const heading = main.querySelector('h1');
  if (heading && document.activeElement !== document.body) heading.focus({ preventScroll: true });
  if (heading) document.title = heading.textContent + ' · Tierpoint 会员运营台';
}

async function boot() {
  const main = document.getElementById('main');
  main.replaceChildren(loadingView('正在验证登录状态…'));
  try {
    await refreshMe();
  } catch (err) {
    if (isAbort(err) || err.status === 401) return;
    main.replaceChildren(errorView(err, boot));
    return;
  }
  window.addEventListener('hashchange', route);
  route();
}

boot();

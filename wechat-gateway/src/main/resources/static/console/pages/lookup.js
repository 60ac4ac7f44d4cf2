import { api, isAbort } from '../api.js';
import { h, fmtNum, loadingView, emptyView, errorView, tierBadge } from '../dom.js';

function resultItem(m) {
  return h('li', null,
    h('a', { class: 'member-result', href: '#/member/' + encodeURIComponent(m.memberId), 'data-member-id': m.memberId },
      h('span', { class: 'result-main' },
        h('strong', { class: 'nickname' }, m.nickname || '（无昵称）'),
        h('span', { class: 'phone' }, m.phone || '未绑定手机')),
      h('span', { class: 'result-meta' },
        tierBadge(m.tier),
        h('span', { class: 'points' }, fmtNum(m.pointsAvailable), ' 积分')),
      h('span', { class: 'result-id' }, 'ID ', m.memberId)));
}

function renderResults(box, members) {
  if (!members || members.length === 0) {
    box.replaceChildren(emptyView('没有找到会员'));
    return;
  }
  box.replaceChildren(
    h('p', { class: 'result-count' }, `找到 ${members.length} 位会员`),
    h('ul', { class: 'result-list', id: 'lookup-list' }, members.map(resultItem)));
}

let lastQuery = '';

export function lookupHref() {
  return lastQuery ? '#/lookup?q=' + encodeURIComponent(lastQuery) : '#/lookup';
}

export function lookupPage(ctx) {
  const input = h('input', {
    id: 'lookup-q', type: 'search', name: 'q', autocomplete: 'off', enterkeyhint: 'search',
    placeholder: '会员ID / 手机号 / openid / unionid', value: ctx.params.get('q') || '',
  });
  const button = h('button', { id: 'lookup-submit', type: 'submit', class: 'button' }, '查询');
  const results = h('div', { id: 'lookup-results', 'aria-live': 'polite' });
  let inflight = null;

  const search = async () => {
    const q = input.value.trim();
    if (!q) {
      results.replaceChildren(errorView({ code: 'INVALID_ARGUMENT', message: '请输入会员ID、手机号、openid 或 unionid' }));
      input.focus();
      return;
    }
    lastQuery = q;
    history.replaceState(null, '', lookupHref());
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    results.replaceChildren(loadingView('查询中…'));
    results.setAttribute('aria-busy', 'true');
    try {
      const data = await api('/members', { query: { q }, signal: controller.signal });
      renderResults(results, data.members);
    } catch (err) {
      if (!isAbort(err)) results.replaceChildren(errorView(err));
    } finally {
      if (inflight === controller) results.setAttribute('aria-busy', 'false');
    }
  };

  const form = h('form', { id: 'lookup-form', class: 'search-form', role: 'search', novalidate: true },
    h('label', { for: 'lookup-q', class: 'visually-hidden' }, '查询会员'), input, button);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search();
  });

  ctx.main.append(
    h('h1', { tabindex: '-1' }, '查询会员'),
    h('p', { class: 'hint' }, '支持会员ID、11 位手机号、openid 或 unionid。'),
    form, results);
  if (input.value) search();
  else input.focus({ preventScroll: true });
}

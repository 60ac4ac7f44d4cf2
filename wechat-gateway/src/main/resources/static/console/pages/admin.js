import { api, isAbort } from '../api.js';
import { h, fmtNum, loadInto, table, section, emptyView, errorView, noticeView, loadingView } from '../dom.js';
import { auditHeaders, auditRow } from '../views.js';
import { operatorForm } from './operator-form.js';

const ROLE_LABELS = { ADMIN: '管理员', OPERATOR: '运营', VIEWER: '只读' };

function operatorRow(op, onEdit) {
  return h('tr', { 'data-user-id': op.userId, 'data-active': op.active ? 'true' : 'false' },
    h('td', null, h('strong', null, op.name || op.userId), h('br'), h('span', { class: 'meta' }, op.userId)),
    h('td', null, h('span', { class: 'role-badge', 'data-role': op.role }, ROLE_LABELS[op.role] || op.role)),
    h('td', { class: 'num' }, fmtNum(op.dailyGrantCap)),
    h('td', { class: 'num' }, fmtNum(op.grantedToday)),
    h('td', { class: 'num' }, fmtNum(op.remainingToday)),
    h('td', null, op.active ? '启用' : h('span', { class: 'badge', 'data-status': 'inactive' }, '停用')),
    h('td', null, h('button', { type: 'button', class: 'button secondary small op-edit', onclick: () => onEdit(op) }, '编辑')));
}

export function operatorsPage(ctx) {
  const list = h('div', { id: 'operators' });
  const editor = h('div', { id: 'operator-editor' });
  let operators = [];

  const renderTable = () => {
    list.replaceChildren(operators.length
      ? table(['操作员', '角色', '每日额度', '今日已发', '今日剩余', '状态', ''], operators.map((op) => operatorRow(op, edit)),
        { id: 'operators-table', class: 'data-table' })
      : emptyView('暂无操作员'));
  };
  const saved = (op) => {
    const i = operators.findIndex((o) => o.userId === op.userId);
    if (i >= 0) operators[i] = op;
    else operators.push(op);
    renderTable();
    editor.replaceChildren(noticeView(`已保存 ${op.name || op.userId}`, { 'data-user-id': op.userId }));
    if (op.userId === ctx.me.userId) ctx.refreshMe().catch(() => {});
  };
  function edit(op) {
    editor.replaceChildren(operatorForm(ctx, op, saved, () => editor.replaceChildren()));
    editor.querySelector('select, input').focus();
  }

  ctx.main.append(h('h1', { tabindex: '-1' }, '操作员'),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'op-new', class: 'button secondary', onclick: () => edit(null) }, '新增操作员')),
    editor, section('操作员列表', {}, list));
  loadInto(list, ctx, () => api('/operators', { signal: ctx.signal }), (data) => {
    operators = data.operators || [];
    renderTable();
  });
}

function auditFilters(ctx, onApply) {
  const actor = h('input', { id: 'audit-actor', type: 'text', name: 'actor', autocomplete: 'off', value: ctx.params.get('actor') || '', placeholder: '操作人 userId' });
  const member = h('input', { id: 'audit-member', type: 'text', name: 'member', autocomplete: 'off', value: ctx.params.get('member') || '', placeholder: '会员ID' });
  const form = h('form', { id: 'audit-form', class: 'range-form', novalidate: true },
    h('span', { class: 'inline-field' }, h('label', { for: 'audit-actor' }, '操作人'), actor),
    h('span', { class: 'inline-field' }, h('label', { for: 'audit-member' }, '会员'), member),
    h('button', { id: 'audit-apply', type: 'submit', class: 'button' }, '筛选'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onApply({ actor: actor.value.trim(), member: member.value.trim() });
  });
  return form;
}

export function auditPage(ctx) {
  const box = h('div', { id: 'audit' });
  const status = h('div');
  const more = h('button', { type: 'button', id: 'audit-more', class: 'button secondary', hidden: true }, '加载更多');
  let filters = { actor: ctx.params.get('actor') || '', member: ctx.params.get('member') || '' };
  let token = null;
  let tbody = null;

  const fetchPage = (pageToken) => api('/audit', { query: { ...filters, pageToken }, signal: ctx.signal });
  const showPage = (page) => {
    token = page.nextPageToken || null;
    more.hidden = !token;
  };
  const load = () => {
    more.hidden = true;
    status.replaceChildren();
    const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
    history.replaceState(null, '', '#/audit' + (qs ? '?' + qs : ''));
    loadInto(box, ctx, () => fetchPage(undefined), (page) => {
      const entries = page.entries || [];
      const t = table(auditHeaders(true), entries.map((e) => auditRow(e, { showMember: true })), { id: 'audit-table', class: 'data-table' });
      tbody = t.querySelector('tbody');
      box.replaceChildren(entries.length ? t : emptyView('没有符合条件的审计记录'));
      showPage(page);
    });
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    status.replaceChildren(loadingView());
    try {
      const page = await fetchPage(token);
      tbody.append(...(page.entries || []).map((e) => auditRow(e, { showMember: true })));
      status.replaceChildren();
      showPage(page);
    } catch (err) {
      if (!isAbort(err) && !ctx.signal.aborted) status.replaceChildren(errorView(err));
    } finally {
      more.disabled = false;
    }
  });

  ctx.main.append(h('h1', { tabindex: '-1' }, '审计日志'),
    auditFilters(ctx, (f) => { filters = f; load(); }),
    section('记录', {}, box, status, h('div', { class: 'actions' }, more)));
  load();
}

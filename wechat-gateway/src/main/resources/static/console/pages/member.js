import { api } from '../api.js';
import {
  h, fmtNum, fmtYuan, fmtDate, timeEl, loadInto, table, section, emptyView, errorView, tierBadge,
} from '../dom.js';
import { auditTable, memberLink, pointsCell, numCell } from '../views.js';
import { adjustForm } from './adjust.js';
import { lookupHref } from './lookup.js';

const TX_LABELS = { EARN: '获得', REDEEM: '兑换', EXPIRE: '过期', REVERSE: '冲正', ADJUST: '人工调整' };
const INVITE_LABELS = {
  ACCEPTED: '已接受', COMPLETED: '已完成', ENROLLED: '已入会', FIRST_ORDER_PAID: '首单已支付',
  FIRST_ORDER_COMPLETED: '首单已完成', WITHHELD: '首单退款，奖励已收回',
};

function stat(label, value, key) {
  return h('div', { class: 'stat', 'data-field': key }, h('dt', null, label), h('dd', null, value));
}

function expiringList(list) {
  if (!list || list.length === 0) return '无';
  return h('ul', { class: 'plain-list' }, list.map((x) =>
    h('li', null, fmtNum(x.points), ' 积分 · ', fmtDate(x.expiresAt), ' 到期')));
}

function summaryCard(m) {
  return section('会员概况', { id: 'member-card' },
    h('dl', { class: 'stats' },
      stat('会员等级', tierBadge(m.tier), 'tier'),
      stat('可用积分', h('strong', { class: 'big', id: 'points-available' }, fmtNum(m.pointsAvailable)), 'pointsAvailable'),
      stat('待生效积分', fmtNum(m.pointsPending), 'pointsPending'),
      stat('成长值', fmtNum(m.growthValue), 'growthValue'),
      stat('累计消费', fmtYuan(m.totalSpendFen), 'totalSpend'),
      stat('订单数', fmtNum(m.orderCount), 'orderCount'),
      stat('有效邀请', fmtNum(m.validInvites), 'validInvites'),
      stat('等级有效期至', m.tierValidUntil ? fmtDate(m.tierValidUntil) : '长期', 'tierValidUntil'),
      stat('手机号', m.phone || '未绑定', 'phone'),
      stat('入会时间', timeEl(m.enrolledAt), 'enrolledAt')),
    h('h3', null, '即将过期积分'),
    h('div', { id: 'expiring' }, expiringList(m.expiringSoonest)),
    m.groups && m.groups.length ? [h('h3', null, '所在社群'),
      h('ul', { class: 'plain-list inline', id: 'member-groups' }, m.groups.map((g) =>
        h('li', null, h('a', { href: '#/group/' + encodeURIComponent(g) }, g))))] : null);
}

function txRow(t) {
  return h('tr', { 'data-tx-id': t.id, 'data-type': t.type },
    h('td', { class: 'nowrap' }, timeEl(t.occurredAt)),
    h('td', null, TX_LABELS[t.type] || t.type),
    pointsCell(t.points),
    numCell(t.balanceAfter),
    h('td', { class: 'wrap' }, t.reason || '—'));
}

function ledgerSection(ctx, memberId, page) {
  const body = h('div', { class: 'ledger-body' });
  const more = h('button', { type: 'button', id: 'ledger-more', class: 'button secondary' }, '加载更多');
  const status = h('div', { class: 'ledger-status' });
  let token = page.nextPageToken;
  if (!page.items || page.items.length === 0) {
    body.append(emptyView('暂无积分流水'));
  } else {
    body.append(table(['时间', '类型', '积分', '余额', '说明'], page.items.map(txRow), { id: 'ledger', class: 'data-table' }));
  }
  more.hidden = !token;
  more.addEventListener('click', async () => {
    more.disabled = true;
    more.textContent = '加载中…';
    status.replaceChildren();
    try {
      const next = await api(`/members/${encodeURIComponent(memberId)}/transactions`,
        { query: { pageToken: token }, signal: ctx.signal });
      body.querySelector('tbody').append(...next.items.map(txRow));
      token = next.nextPageToken;
      more.hidden = !token;
    } catch (err) {
      if (!ctx.signal.aborted) status.replaceChildren(errorView(err));
    } finally {
      more.disabled = false;
      more.textContent = '加载更多';
    }
  });
  return section('积分流水', { id: 'ledger-section' }, body, status, h('div', { class: 'actions' }, more));
}

function inviteesSection(invitees) {
  const rows = (invitees || []).map((i) => h('tr', { 'data-invitee-id': i.inviteeMemberId },
    h('td', null, memberLink(i.inviteeMemberId, i.nickname || i.inviteeMemberId)),
    h('td', null, h('span', { class: 'badge', 'data-status': i.status }, INVITE_LABELS[i.status] || i.status)),
    h('td', { class: 'nowrap' }, timeEl(i.acceptedAt)),
    numCell(i.rewardPoints)));
  return section('邀请的好友', { id: 'invitees' }, rows.length
    ? table(['好友', '状态', '接受时间', '奖励积分'], rows, { class: 'data-table' })
    : emptyView('暂无邀请记录'));
}

function auditSection(entries) {
  return section('操作记录', { id: 'member-audit-section' }, auditTable(entries, { id: 'member-audit' }));
}

function renderDetail(ctx, memberId, data, slots) {
  const m = data.member;
  slots.title.textContent = m.nickname || '会员详情';
  document.title = `${slots.title.textContent} · Tierpoint 会员运营台`;
  slots.subtitle.textContent = 'ID ' + m.memberId;
  slots.summary.replaceChildren(summaryCard(m));
  slots.ledger.replaceChildren(ledgerSection(ctx, memberId, data.transactions || { items: [] }));
  slots.invitees.replaceChildren(inviteesSection(data.invitees));
  slots.audit.replaceChildren(auditSection(data.audit));
}

export function memberPage(ctx, memberId) {
  const slots = {
    title: h('h1', { tabindex: '-1' }, '会员详情'),
    subtitle: h('p', { class: 'subtitle', id: 'member-id' }),
    summary: h('div', { id: 'member-summary' }),
    adjust: h('div', { id: 'adjust-slot' }),
    ledger: h('div'),
    invitees: h('div'),
    audit: h('div'),
  };
  const content = h('div', { class: 'stack' }, slots.summary, slots.adjust, slots.ledger, slots.invitees, slots.audit);
  const wrapper = h('div', { id: 'member-page' }, content);
  ctx.main.append(h('p', { class: 'back' }, h('a', { href: lookupHref(), id: 'back-to-lookup' }, '← 返回查询')), slots.title, slots.subtitle, wrapper);

  const fetchDetail = () => api('/members/' + encodeURIComponent(memberId), { signal: ctx.signal });
  const refresh = async () => {
    try {
      const data = await fetchDetail();
      if (!ctx.signal.aborted) renderDetail(ctx, memberId, data, slots);
    } catch (err) {
      if (!ctx.signal.aborted) slots.summary.replaceChildren(errorView(err));
    }
  };

  loadInto(wrapper, ctx, fetchDetail, (data) => {
    wrapper.replaceChildren(content);
    renderDetail(ctx, memberId, data, slots);
    if (ctx.me.role === 'OPERATOR' || ctx.me.role === 'ADMIN') {
      slots.adjust.replaceChildren(adjustForm(ctx, memberId, refresh));
    }
  });
}

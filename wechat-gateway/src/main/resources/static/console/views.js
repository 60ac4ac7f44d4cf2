import { h, fmtNum, fmtSigned, timeEl, table, emptyView } from './dom.js';

const RESULT_LABELS = { OK: '成功', REFUSED: '拒绝', FAILED: '失败' };
const ACTION_LABELS = {
  'points.adjust': '积分调整',
  'broadcast.send': '群发消息',
  'operator.update': '修改操作员',
};

export function resultBadge(result) {
  return h('span', { class: 'badge result', 'data-result': result }, RESULT_LABELS[result] || result || '—');
}

export function auditRow(e, { showMember = false } = {}) {
  return h('tr', { 'data-audit-id': e.id },
    h('td', { class: 'nowrap' }, timeEl(e.at)),
    h('td', null, e.actor || '—'),
    h('td', null, ACTION_LABELS[e.action] || e.action || '—'),
    showMember ? h('td', null, e.memberId
      ? h('a', { href: '#/member/' + encodeURIComponent(e.memberId) }, e.memberId) : '—') : null,
    h('td', { class: 'num' }, e.amount === undefined || e.amount === null ? '—' : fmtSigned(e.amount)),
    h('td', { class: 'wrap' }, e.reason || '—'),
    h('td', null, resultBadge(e.result)),
    h('td', { class: 'detail' }, [e.reasonCode, e.detail].filter(Boolean).join(' · ')));
}

export function auditHeaders(showMember = false) {
  return ['时间', '操作人', '操作', showMember ? '会员' : null, '数量', '原因', '结果', '详情'].filter(Boolean);
}

export function auditTable(entries, { id, showMember = false, emptyText = '暂无审计记录' } = {}) {
  if (!entries || entries.length === 0) return emptyView(emptyText);
  return table(auditHeaders(showMember), entries.map((e) => auditRow(e, { showMember })), { id, class: 'data-table' });
}

export function memberLink(memberId, text) {
  return h('a', { href: '#/member/' + encodeURIComponent(memberId), 'data-member-id': memberId }, text || memberId);
}

export function pointsCell(points) {
  return h('td', { class: 'num ' + (points > 0 ? 'pos' : points < 0 ? 'neg' : '') }, fmtSigned(points));
}

export function numCell(n) {
  return h('td', { class: 'num' }, fmtNum(n));
}

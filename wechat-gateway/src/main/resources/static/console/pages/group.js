import { api } from '../api.js';
import { h, fmtNum, timeEl, loadInto, table, section, emptyView, tierBadge } from '../dom.js';
import { memberLink, numCell } from '../views.js';
import { broadcastSection } from './broadcasts.js';

function groupItem(g) {
  return h('li', null,
    h('a', { class: 'group-link', href: '#/group/' + encodeURIComponent(g.chatId), 'data-chat-id': g.chatId },
      h('strong', { class: 'group-name' }, g.name || g.chatId),
      h('span', { class: 'meta' }, `${fmtNum(g.memberCount)} 位成员`),
      h('span', { class: 'badge robot', 'data-robot': g.robot ? 'yes' : 'no' }, g.robot ? '机器人：已添加' : '机器人：未添加')));
}

export function groupsPage(ctx) {
  const box = h('div', { id: 'groups' });
  ctx.main.append(h('h1', { tabindex: '-1' }, '社群'), box);
  loadInto(box, ctx, () => api('/groups', { signal: ctx.signal }), (data) => {
    const groups = data.groups || [];
    box.replaceChildren(groups.length
      ? h('ul', { class: 'link-list', id: 'groups-list' }, groups.map(groupItem))
      : emptyView('暂无社群'));
  });
}

function groupHeader(g) {
  return section('群信息', { id: 'group-info' },
    h('dl', { class: 'stats' },
      h('div', { class: 'stat' }, h('dt', null, '群主'), h('dd', null, g.owner || '—')),
      h('div', { class: 'stat', id: 'group-counts', 'data-member-count': g.memberCount, 'data-enrolled-count': g.enrolledCount },
        h('dt', null, '已入会 / 企业微信成员'),
        h('dd', null, h('strong', { class: 'big' }, fmtNum(g.enrolledCount)), ' / ', fmtNum(g.memberCount))),
      h('div', { class: 'stat' }, h('dt', null, '同步时间'), h('dd', null, timeEl(g.syncedAt)))));
}

function membersSection(members) {
  const rows = (members || []).map((m) => h('tr', { 'data-member-id': m.memberId },
    h('td', null, memberLink(m.memberId, m.nickname || m.memberId)),
    h('td', null, tierBadge(m.tier)),
    numCell(m.pointsAvailable)));
  return section('已入会成员', { id: 'group-members-section' }, rows.length
    ? table(['会员', '等级', '可用积分'], rows, { id: 'group-members', class: 'data-table' })
    : emptyView('群内暂无已入会会员'));
}

function leaderboardSection(board) {
  const entries = (board && board.entries) || [];
  const rows = entries.map((e) => h('tr', { 'data-member-id': e.memberId, 'data-rank': e.rank },
    h('td', { class: 'num rank' }, String(e.rank)),
    h('td', null, memberLink(e.memberId, e.nickname || e.memberId)),
    numCell(e.points)));
  const title = board && board.month ? `积分排行榜（${board.month}）` : '积分排行榜';
  return section(title, { id: 'group-leaderboard-section' }, rows.length
    ? table(['名次', '会员', '本月积分'], rows, { id: 'group-leaderboard', class: 'data-table' })
    : emptyView('本月暂无排行数据'));
}

export function groupPage(ctx, chatId) {
  const title = h('h1', { tabindex: '-1' }, '社群详情');
  const box = h('div', { id: 'group-page', class: 'stack' });
  ctx.main.append(h('p', { class: 'back' }, h('a', { href: '#/groups' }, '← 返回社群列表')), title, box);
  loadInto(box, ctx, () => api('/groups/' + encodeURIComponent(chatId), { signal: ctx.signal }), (g) => {
    title.textContent = g.name || '社群详情';
    box.replaceChildren(
      groupHeader(g),
      broadcastSection(ctx, chatId, g.broadcasts || [], g.robot),
      membersSection(g.members),
      leaderboardSection(g.leaderboard));
  });
}

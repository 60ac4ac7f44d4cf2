import { lineChart, barChart, stackedArea, percent, plainNumber } from '../charts.js';
import { fmtNum, fmtPct } from '../dom.js';

const TIER_COLORS = ['#94a3b8', '#60a5fa', '#f59e0b', '#7c3aed', '#0f766e', '#db2777'];

function pick(days, key) {
  return days.map((d) => (d[key] === undefined || d[key] === null ? null : Number(d[key])));
}

function sum(days, key) {
  return days.reduce((acc, d) => acc + (Number(d[key]) || 0), 0);
}

function tierSeries(days, snapshot) {
  const tiers = [...((snapshot && snapshot.membersPerTier) || [])].sort((a, b) => a.rank - b.rank);
  const known = new Set(tiers.map((t) => t.code));
  for (const d of days) {
    for (const code of Object.keys(d.membersPerTier || {})) {
      if (!known.has(code)) {
        known.add(code);
        tiers.push({ code, name: code });
      }
    }
  }
  return tiers.map((t, i) => ({
    key: t.code, name: t.name || t.code, color: TIER_COLORS[i % TIER_COLORS.length],
    values: days.map((d) => Number((d.membersPerTier || {})[t.code]) || 0),
  }));
}

function range(days) {
  return `${days[0].day} 至 ${days[days.length - 1].day}`;
}

function lastValue(values) {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return null;
}

function membersPerTier({ days, snapshot, width, name }) {
  const series = tierSeries(days, snapshot);
  const latest = series.map((s) => `${s.name} ${fmtNum(s.values[s.values.length - 1])}`).join('，');
  return stackedArea({ name, width, labels: days.map((d) => d.day), series, label: `各等级会员数堆积面积图，${range(days)}；最后一天：${latest}` });
}

function tierMoves({ days, width, name }) {
  const up = pick(days, 'tierUp');
  const down = pick(days, 'tierDown').map((v) => (v === null ? null : -v));
  return barChart({
    name, width, mode: 'stacked', integer: true, labels: days.map((d) => d.day),
    series: [{ key: 'up', name: '升级', color: '#16a34a', values: up }, { key: 'down', name: '降级', color: '#dc2626', values: down }],
    valueFormat: (v) => plainNumber(Math.abs(v)),
    label: `会员等级升降柱状图，${range(days)}：升级合计 ${fmtNum(sum(days, 'tierUp'))}，降级合计 ${fmtNum(sum(days, 'tierDown'))}`,
  });
}

function pointsFlow({ days, width, name }) {
  const series = [
    { key: 'issued', name: '发放', color: '#2563eb', values: pick(days, 'pointsIssued') },
    { key: 'redeemed', name: '兑换', color: '#f59e0b', values: pick(days, 'pointsRedeemed') },
    { key: 'expired', name: '过期', color: '#94a3b8', values: pick(days, 'pointsExpired') },
  ];
  const label = `每日积分流水，${range(days)}：发放 ${fmtNum(sum(days, 'pointsIssued'))}，兑换 ${fmtNum(sum(days, 'pointsRedeemed'))}，过期 ${fmtNum(sum(days, 'pointsExpired'))}`;
  const opts = { name, width, labels: days.map((d) => d.day), series, label, integer: true };
  return days.length <= 45 ? barChart(opts) : lineChart(opts);
}

function singleLine(key, title, color, opts = {}) {
  return ({ days, width, name }) => {
    const values = pick(days, key);
    const fmt = opts.percent ? percent : plainNumber;
    return lineChart({
      name, width, labels: days.map((d) => d.day), zeroBase: opts.zeroBase,
      format: opts.percent ? percent : undefined, valueFormat: fmt, integer: !opts.percent,
      series: [{ key, name: title, color, values }],
      label: `${title}折线图，${range(days)}，最后一天 ${fmt(lastValue(values))}`,
    });
  };
}

function inviteFunnel({ days, width, name }) {
  const totals = [sum(days, 'invitesCreated'), sum(days, 'invitesAccepted'), sum(days, 'invitesCompleted')];
  const base = totals[0];
  return barChart({
    name, width, categorical: true, integer: true, labels: ['发起邀请', '已接受', '已完成'],
    series: [{ key: 'invites', name: '邀请', values: totals, colors: ['#93c5fd', '#3b82f6', '#1d4ed8'] }],
    valueLabels: (v, i) => (i === 0 || !base ? fmtNum(v) : `${fmtNum(v)}（${fmtPct(v / base)}）`),
    label: `邀请转化漏斗，${range(days)}：发起 ${fmtNum(totals[0])}，接受 ${fmtNum(totals[1])}，完成 ${fmtNum(totals[2])}`,
  });
}

export const CHARTS = [
  { name: 'members-per-tier', title: '各等级会员数', build: membersPerTier },
  { name: 'tier-moves', title: '等级升降', build: tierMoves },
  { name: 'points-flow', title: '积分发放 / 兑换 / 过期', build: pointsFlow },
  { name: 'liability', title: '积分负债（未使用积分）', build: singleLine('liabilityPoints', '积分负债', '#7c3aed', { zeroBase: false }) },
  { name: 'active-members', title: '活跃会员数', build: singleLine('activeMembers', '活跃会员', '#0891b2') },
  { name: 'checkin-rate', title: '签到率', build: singleLine('checkInRate', '签到率', '#16a34a', { percent: true }) },
  { name: 'invite-funnel', title: '邀请转化漏斗', build: inviteFunnel },
  { name: 'redemption-rate', title: '积分兑换率', build: singleLine('redemptionRate', '兑换率', '#f59e0b', { percent: true }) },
];

export function tileValues(data) {
  const days = data.days || [];
  const snap = data.snapshot || {};
  const last = days.length ? days[days.length - 1] : null;
  const created = sum(days, 'invitesCreated');
  const completed = sum(days, 'invitesCompleted');
  return [
    { key: 'total-members', label: '会员总数', value: fmtNum(snap.totalMembers) },
    { key: 'liability', label: '积分负债', value: fmtNum(snap.liabilityPoints), sub: '未使用积分' },
    { key: 'active-members', label: '活跃会员', value: last ? fmtNum(last.activeMembers) : '—', sub: last ? last.day : '无数据' },
    {
      key: 'invite-conversion', label: '邀请转化率', value: created ? fmtPct(completed / created) : '—',
      sub: `完成 ${fmtNum(completed)} / 发起 ${fmtNum(created)}`,
    },
  ];
}

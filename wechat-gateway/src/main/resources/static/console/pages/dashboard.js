import { api } from '../api.js';
import { h, loadInto, emptyView, errorView } from '../dom.js';
import { CHARTS, tileValues } from './dashboard-charts.js';

const TZ_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const PRESETS = [7, 30, 90, 365];
const MAX_DAYS = 366;

function todayShanghai() {
  return TZ_DAY.format(new Date());
}

function addDays(day, delta) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

function rangeProblem(from, to) {
  if (!from || !to) return '请选择开始和结束日期';
  if (from > to) return '开始日期不能晚于结束日期';
  if (addDays(from, MAX_DAYS - 1) < to) return `时间范围最多 ${MAX_DAYS} 天`;
  return null;
}

function tiles(data) {
  return h('div', { class: 'tiles', id: 'dash-tiles' }, tileValues(data).map((t) =>
    h('div', { class: 'tile', 'data-tile': t.key },
      h('p', { class: 'tile-label' }, t.label),
      h('p', { class: 'tile-value' }, t.value),
      t.sub ? h('p', { class: 'tile-sub' }, t.sub) : null)));
}

function chartCards(data) {
  const days = data.days || [];
  return CHARTS.map((c) => {
    const body = h('div', { class: 'chart-body' });
    if (!days.length) body.append(emptyView('所选时间范围内暂无数据'));
    return { def: c, body, card: h('section', { class: 'card chart-card', 'data-card': c.name }, h('h2', null, c.title), body) };
  });
}

function drawCharts(cards, data) {
  const days = data.days || [];
  if (!days.length) return 0;
  const started = performance.now();
  for (const { def, body } of cards) {
    const width = Math.max(260, Math.floor(body.clientWidth));
    if (body.dataset.width === String(width)) continue;
    body.dataset.width = String(width);
    try {
      body.replaceChildren(def.build({ days, snapshot: data.snapshot, width, name: def.name }));
    } catch (err) {
      body.replaceChildren(errorView({ code: 'CHART', message: '图表绘制失败：' + err.message }));
    }
  }
  return Math.round(performance.now() - started);
}

function renderDashboard(ctx, box, data) {
  const cards = chartCards(data);
  const grid = h('div', { class: 'chart-grid', id: 'dash-charts' }, cards.map((c) => c.card));
  box.replaceChildren(
    h('p', { class: 'subtitle', id: 'dash-range' }, `${data.from} 至 ${data.to}`),
    tiles(data), grid);
  grid.dataset.renderMs = String(drawCharts(cards, data));
  let pending = null;
  const onResize = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => drawCharts(cards, data));
  };
  window.addEventListener('resize', onResize);
  ctx.signal.addEventListener('abort', () => window.removeEventListener('resize', onResize), { once: true });
  return () => window.removeEventListener('resize', onResize);
}

function rangeForm(onApply) {
  const max = todayShanghai();
  const from = h('input', { id: 'dash-from', type: 'date', name: 'from', max });
  const to = h('input', { id: 'dash-to', type: 'date', name: 'to', max });
  const apply = h('button', { id: 'dash-apply', type: 'submit', class: 'button' }, '查询');
  const presets = PRESETS.map((n) => h('button', {
    type: 'button', class: 'button secondary small preset', 'data-days': n,
    onclick: () => {
      to.value = max;
      from.value = addDays(max, -(n - 1));
      onApply(from.value, to.value);
    },
  }, n === 365 ? '近一年' : `近 ${n} 天`));
  const form = h('form', { id: 'dash-form', class: 'range-form', novalidate: true },
    h('span', { class: 'inline-field' }, h('label', { for: 'dash-from' }, '开始'), from),
    h('span', { class: 'inline-field' }, h('label', { for: 'dash-to' }, '结束'), to), apply,
    h('span', { class: 'presets' }, presets));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onApply(from.value, to.value);
  });
  return { form, from, to };
}

export function dashboardPage(ctx) {
  const box = h('div', { id: 'dashboard' });
  const message = h('div', { class: 'form-result' });
  let detach = null;
  const load = (from, to) => {
    if (detach) detach();
    loadInto(box, ctx, () => api('/dashboard', { query: { from, to }, signal: ctx.signal }), (data) => {
      ui.from.value = data.from || '';
      ui.to.value = data.to || '';
      history.replaceState(null, '', `#/dashboard?from=${encodeURIComponent(data.from)}&to=${encodeURIComponent(data.to)}`);
      detach = renderDashboard(ctx, box, data);
    });
  };
  const ui = rangeForm((from, to) => {
    message.replaceChildren();
    const problem = rangeProblem(from, to);
    if (problem) {
      message.append(errorView({ code: 'INVALID_ARGUMENT', message: problem }));
      return;
    }
    load(from, to);
  });
  ctx.main.append(h('h1', { tabindex: '-1' }, '数据看板'), ui.form, message, box);
  load(ctx.params.get('from') || undefined, ctx.params.get('to') || undefined);
}

const NS = 'http://www.w3.org/2000/svg';
const TICK_FONT = 11;

export const PALETTE = ['#2563eb', '#f59e0b', '#16a34a', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

const plainFmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function compactNumber(v) {
  const abs = Math.abs(v);
  if (abs >= 1e8) return plainFmt.format(Number((v / 1e8).toFixed(2))) + '亿';
  if (abs >= 1e4) return plainFmt.format(Number((v / 1e4).toFixed(1))) + '万';
  return plainFmt.format(v);
}

export function percent(v) {
  return Number.isFinite(v) ? Number((v * 100).toFixed(1)) + '%' : '—';
}

export function plainNumber(v) {
  return Number.isFinite(v) ? plainFmt.format(v) : '—';
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== undefined && c !== null) node.append(c);
  return node;
}

export function textWidth(text, size = 12) {
  let w = 0;
  for (const ch of String(text)) w += ch.codePointAt(0) > 0x2e80 ? size : size * 0.62;
  return w;
}

export function niceTicks(min, max, count = 4, integer = false) {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (lo === hi) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
    if (lo === hi) hi = 1;
  }
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((v) => v >= raw * 0.999);
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.max(first + 1, Math.ceil(hi / step - 1e-9));
  const ticks = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

export function dayLabel(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
  return m ? `${m[2]}-${m[3]}` : String(day);
}

function root(o) {
  return svg('svg', {
    xmlns: NS, class: 'chart', 'data-chart': o.name, role: 'img', 'aria-label': o.label,
    viewBox: `0 0 ${o.width} ${o.height}`, width: o.width, height: o.height,
  }, svg('title', null, o.label));
}

function legend(series, width) {
  const g = svg('g', { class: 'legend', transform: 'translate(8 6)' });
  let x = 0;
  let y = 0;
  for (const s of series) {
    const w = 14 + textWidth(s.name) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 18;
    }
    g.append(svg('rect', { x, y: y + 2, width: 10, height: 10, rx: 2, fill: s.color }),
      svg('text', { x: x + 14, y: y + 11 }, s.name));
    x += w;
  }
  return { g, height: y + 22 };
}

function withColors(series) {
  return series.map((s, i) => ({ ...s, color: s.color || PALETTE[i % PALETTE.length] }));
}

function scaffold(o, lo, hi) {
  const fmt = o.format || compactNumber;
  const ticks = niceTicks(lo, hi, o.tickCount || 4, o.integer);
  const showLegend = o.legend !== false && o.series.length > 1;
  const leg = showLegend ? legend(o.series, o.width - 16) : null;
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(fmt(t), TICK_FONT)))) + 12;
  const L = { left, right: o.width - 20, top: 12 + (leg ? leg.height : 0), bottom: o.height - 26 };
  L.w = L.right - L.left;
  L.h = L.bottom - L.top;
  const t0 = ticks[0];
  const t1 = ticks[ticks.length - 1];
  const y = (v) => L.bottom - ((v - t0) / (t1 - t0)) * L.h;
  const n = o.labels.length;
  const x = (i) => L.left + (L.w * (i + 0.5)) / n;
  const chart = root(o);
  if (leg) chart.append(leg.g);
  chart.append(yAxis(L, ticks, y, fmt));
  chart.append(xAxis(L, o.labels, x, o.categorical));
  return { chart, L, x, y, bw: L.w / n };
}

function yAxis(L, ticks, y, fmt) {
  const g = svg('g', { class: 'axis y-axis' });
  for (const t of ticks) {
    const py = y(t).toFixed(1);
    g.append(svg('line', { x1: L.left, x2: L.right, y1: py, y2: py, class: t === 0 ? 'zero' : 'grid' }),
      svg('text', { x: L.left - 6, y: Number(py) + 4, 'text-anchor': 'end' }, fmt(t)));
  }
  return g;
}

function xAxis(L, labels, x, categorical) {
  const g = svg('g', { class: 'axis x-axis' });
  const n = labels.length;
  const shown = categorical ? labels : labels.map(dayLabel);
  const widest = Math.max(...shown.map((s) => textWidth(s, TICK_FONT)));
  const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(L.w / (widest + 14)))));
  g.append(svg('line', { x1: L.left, x2: L.right, y1: L.bottom, y2: L.bottom, class: 'baseline' }));
  for (let i = 0; i < n; i += step) {
    const px = x(i).toFixed(1);
    g.append(svg('line', { x1: px, x2: px, y1: L.bottom, y2: L.bottom + 4, class: 'tick' }),
      svg('text', { x: px, y: L.bottom + 17, 'text-anchor': 'middle' }, shown[i]));
  }
  return g;
}

function hitTargets(o, L, bw, valueFmt) {
  const g = svg('g', { class: 'hits' });
  const fmt = valueFmt || plainNumber;
  o.labels.forEach((label, i) => {
    const lines = o.series.map((s) => `${s.name}：${fmt(s.values[i])}`);
    g.append(svg('rect', { x: (L.left + bw * i).toFixed(1), y: L.top, width: Math.max(bw, 1).toFixed(2), height: L.h, class: 'hit' },
      svg('title', null, [label, ...lines].join('\n'))));
  });
  return g;
}

function linePath(values, x, y) {
  const parts = [];
  let pen = false;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      pen = false;
      return;
    }
    parts.push((pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1));
    pen = true;
  });
  return parts.join('');
}

export function lineChart(opts) {
  const o = { height: 240, ...opts, series: withColors(opts.series) };
  const values = o.series.flatMap((s) => s.values).filter(Number.isFinite);
  const lo = o.zeroBase === false ? Math.min(...values) : Math.min(0, ...values);
  const { chart, L, x, y, bw } = scaffold(o, lo, Math.max(...values));
  const dots = o.labels.length <= 40;
  for (const s of o.series) {
    const g = svg('g', { class: 'series', 'data-series': s.key || s.name });
    g.append(svg('path', { d: linePath(s.values, x, y), fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-linejoin': 'round' }));
    if (dots) {
      s.values.forEach((v, i) => {
        if (Number.isFinite(v)) g.append(svg('circle', { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.5, fill: s.color }));
      });
    }
    chart.append(g);
  }
  chart.append(hitTargets(o, L, bw, o.valueFormat));
  return chart;
}

function barDomain(o) {
  if (o.mode !== 'stacked') {
    const all = o.series.flatMap((s) => s.values).filter(Number.isFinite);
    return [Math.min(0, ...all), Math.max(0, ...all)];
  }
  let lo = 0;
  let hi = 0;
  o.labels.forEach((_, i) => {
    let pos = 0;
    let neg = 0;
    for (const s of o.series) {
      const v = s.values[i] || 0;
      if (v >= 0) pos += v;
      else neg += v;
    }
    hi = Math.max(hi, pos);
    lo = Math.min(lo, neg);
  });
  return [lo, hi];
}

function barRect(s, i, v, geom, y, o) {
  const top = y(Math.max(geom.base + v, geom.base));
  const bottom = y(Math.min(geom.base + v, geom.base));
  const rect = svg('rect', {
    x: geom.x.toFixed(2), y: top.toFixed(1), width: geom.w.toFixed(2),
    height: Math.max(0, bottom - top).toFixed(1), fill: (s.colors && s.colors[i]) || s.color,
  });
  if (o.categorical) rect.append(svg('title', null, `${o.labels[i]}：${(o.valueFormat || plainNumber)(v)}`));
  return rect;
}

function valueLabel(o, i, v, cx, y) {
  return svg('text', { x: cx.toFixed(1), y: (y(Math.max(v, 0)) - 6).toFixed(1), 'text-anchor': 'middle', class: 'value-label' },
    o.valueLabels(v, i));
}

export function barChart(opts) {
  const o = { height: 240, mode: 'grouped', ...opts, series: withColors(opts.series) };
  const [lo, hi] = barDomain(o);
  const { chart, L, x, y, bw } = scaffold(o, lo, hi);
  const k = o.series.length;
  const maxInner = o.categorical ? 140 : (o.mode === 'stacked' ? 36 : 24 * k);
  const inner = Math.min(bw * (o.labels.length > 60 ? 0.86 : 0.7), maxInner);
  const bars = svg('g', { class: 'bars' });
  o.labels.forEach((_, i) => {
    let pos = 0;
    let neg = 0;
    o.series.forEach((s, j) => {
      const v = s.values[i];
      if (!Number.isFinite(v)) return;
      if (o.valueLabels && k === 1) bars.append(valueLabel(o, i, v, x(i), y));
      if (v === 0) return;
      let geom;
      if (o.mode === 'stacked') {
        geom = { x: x(i) - inner / 2, w: inner, base: v >= 0 ? pos : neg };
        if (v >= 0) pos += v;
        else neg += v;
      } else {
        geom = { x: x(i) - inner / 2 + (inner / k) * j, w: inner / k, base: 0 };
      }
      bars.prepend(barRect(s, i, v, geom, y, o));
    });
  });
  chart.append(bars);
  if (!o.categorical) chart.append(hitTargets(o, L, bw, o.valueFormat));
  return chart;
}

function areaPath(upper, lower, x, y) {
  const top = upper.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`);
  const bottom = [];
  for (let i = lower.length - 1; i >= 0; i--) bottom.push(`L${x(i).toFixed(1)} ${y(lower[i]).toFixed(1)}`);
  return top.join('') + bottom.join('') + 'Z';
}

export function stackedArea(opts) {
  if (opts.labels.length < 2) return barChart({ ...opts, mode: 'stacked' });
  const o = { height: 240, ...opts, series: withColors(opts.series) };
  const n = o.labels.length;
  const cumulative = new Array(n).fill(0);
  const layers = o.series.map((s) => {
    const lower = cumulative.slice();
    for (let i = 0; i < n; i++) cumulative[i] += Math.max(0, s.values[i] || 0);
    return { s, lower, upper: cumulative.slice() };
  });
  const { chart, L, x, y, bw } = scaffold(o, 0, Math.max(...cumulative));
  const g = svg('g', { class: 'areas' });
  for (const { s, lower, upper } of layers) {
    g.append(svg('path', { d: areaPath(upper, lower, x, y), fill: s.color, 'fill-opacity': 0.85, stroke: s.color, 'data-series': s.key || s.name }));
  }
  chart.append(g, hitTargets(o, L, bw, o.valueFormat));
  return chart;
}

import { isAbort } from './api.js';

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'required']);

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    parent.append(c instanceof Node ? c : String(c));
  }
  return parent;
}

const TZ = 'Asia/Shanghai';
const numberFmt = new Intl.NumberFormat('zh-CN');
const yuanFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function fmtNum(n) {
  return n === undefined || n === null || Number.isNaN(Number(n)) ? '—' : numberFmt.format(n);
}

export function fmtSigned(n) {
  return n > 0 ? '+' + fmtNum(n) : fmtNum(n);
}

export function fmtYuan(fen) {
  return fen === undefined || fen === null ? '—' : '¥' + yuanFmt.format(Number(fen) / 100);
}

export function fmtPct(ratio, digits = 1) {
  return Number.isFinite(ratio) ? (ratio * 100).toFixed(digits) + '%' : '—';
}

export function fmtDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString('zh-CN', { timeZone: TZ, hour12: false });
}

export function fmtDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleDateString('zh-CN', { timeZone: TZ });
}

export function timeEl(iso, withTime = true) {
  return h('time', { datetime: iso || undefined }, withTime ? fmtDateTime(iso) : fmtDate(iso));
}

export function loadingView(text = '加载中…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function emptyView(text) {
  return h('p', { class: 'empty' }, text);
}

export function errorView(err, onRetry) {
  const box = h('div', { class: 'error', role: 'alert', 'data-code': err.code || undefined },
    h('span', { class: 'error-message' }, err.message || '出错了'));
  if (onRetry) {
    box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: onRetry }, '重试'));
  }
  return box;
}

export function noticeView(text, attrs = {}) {
  return h('p', { class: 'notice', role: 'status', ...attrs }, text);
}

export async function loadInto(container, ctx, fetcher, render) {
  const run = async () => {
    container.replaceChildren(loadingView());
    try {
      const data = await fetcher();
      if (!ctx.signal.aborted) render(data);
    } catch (err) {
      if (isAbort(err) || ctx.signal.aborted) return;
      const transient = err.status === 0 || err.status === 429 || err.status >= 500;
      container.replaceChildren(errorView(err, transient ? run : null));
    }
  };
  await run();
}

export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', attrs,
      h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows)));
}

export function section(title, attrs, ...children) {
  return h('section', { class: 'card', ...attrs }, h('h2', null, title), ...children);
}

export function tierBadge(tier) {
  if (!tier) return h('span', { class: 'tier' }, '—');
  return h('span', { class: 'tier', 'data-tier': tier.code, 'data-rank': tier.rank }, tier.name || tier.code);
}

export function field(label, input, hint) {
  const id = input.id;
  const err = h('p', { class: 'field-error', id: id + '-error', hidden: true });
  input.setAttribute('aria-describedby', id + '-error');
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint || null, err);
}

export function setFieldError(form, id, message) {
  const input = form.querySelector('#' + id);
  const err = form.querySelector('#' + id + '-error');
  if (!input || !err) return;
  err.textContent = message || '';
  err.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

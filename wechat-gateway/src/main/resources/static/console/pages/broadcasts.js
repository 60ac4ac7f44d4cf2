import { api, isAbort } from '../api.js';
import { h, timeEl, section, field, setFieldError, errorView, noticeView } from '../dom.js';
import { createSubmitter, utf8Length, charLength } from '../forms.js';

const MAX_BYTES = 4096;
const POLL_MS = 2000;
const STATUS_LABELS = { QUEUED: '排队中', SENDING: '发送中', SENT: '已发送', FAILED: '失败' };

function isPending(b) {
  return b.status === 'QUEUED' || b.status === 'SENDING';
}

function statusLine(b) {
  const line = h('p', { class: 'broadcast-status' },
    h('span', { class: 'badge status-label', 'data-status': b.status }, STATUS_LABELS[b.status] || b.status));
  if (b.status === 'QUEUED' && b.position !== null && b.position !== undefined) {
    line.append(' ', h('span', { class: 'broadcast-position' }, `队列第 ${b.position} 位`));
  }
  line.append(' ', h('span', { class: 'meta' }, b.operator || '', ' · ', timeEl(b.queuedAt)));
  if (b.sentAt) line.append(h('span', { class: 'meta' }, ' · 发送于 ', timeEl(b.sentAt)));
  return line;
}

function broadcastItem(b) {
  return h('li', { class: 'broadcast', 'data-status': b.status, 'data-broadcast-id': b.id },
    statusLine(b),
    h('pre', { class: 'broadcast-text' }, b.markdown || ''),
    b.status === 'FAILED' ? h('p', { class: 'broadcast-error' }, '失败原因：', b.error || '未知错误') : null);
}

function renderList(list, broadcasts) {
  if (!broadcasts.length) {
    list.replaceChildren(h('li', { class: 'empty' }, '还没有群发消息'));
    return;
  }
  list.replaceChildren(...broadcasts.map(broadcastItem));
}

function counterText(text) {
  const bytes = utf8Length(text);
  return { bytes, label: `${charLength(text)} 字 · ${bytes} / ${MAX_BYTES} 字节` };
}

function composeForm() {
  const text = h('textarea', { id: 'broadcast-text', name: 'markdown', rows: '5', placeholder: '支持 Markdown，例如 **会员日** 双倍积分' });
  const counter = h('p', { id: 'broadcast-counter', class: 'counter', 'aria-live': 'polite' }, counterText('').label);
  const submit = h('button', { id: 'broadcast-submit', type: 'submit', class: 'button' }, '发送到群');
  const result = h('div', { id: 'broadcast-result', class: 'form-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'broadcast-form', class: 'form', novalidate: true },
    field('群发内容（Markdown）', text, counter), h('div', { class: 'actions' }, submit), result);
  text.addEventListener('input', () => {
    const c = counterText(text.value);
    counter.textContent = c.label;
    counter.classList.toggle('over', c.bytes > MAX_BYTES);
  });
  return { form, text, counter, submit, result };
}

function validate(markdown) {
  if (!markdown.trim()) return '请输入群发内容';
  if (utf8Length(markdown) > MAX_BYTES) return `内容超过 ${MAX_BYTES} 字节，请删减`;
  return null;
}

function attachCompose(ctx, chatId, ui, onQueued) {
  const submitter = createSubmitter({ form: ui.form, button: ui.submit, busyText: '发送中…' });
  ui.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submitter.busy) return;
    const markdown = ui.text.value;
    const problem = validate(markdown);
    setFieldError(ui.form, 'broadcast-text', problem);
    if (problem) {
      ui.result.replaceChildren(errorView({ code: 'INVALID_ARGUMENT', message: problem }));
      return;
    }
    const outcome = await submitter.submit(markdown, (requestId) =>
      api(`/groups/${encodeURIComponent(chatId)}/broadcasts`, {
        method: 'POST', body: { markdown, requestId }, signal: ctx.signal,
      }));
    if (outcome.skipped || ctx.signal.aborted) return;
    if (outcome.ok) {
      ui.form.reset();
      ui.text.dispatchEvent(new Event('input'));
      ui.result.replaceChildren(noticeView('已加入发送队列', { 'data-broadcast-id': outcome.data.id }));
      onQueued(outcome.data);
    } else {
      setFieldError(ui.form, 'broadcast-text', outcome.error.fields && outcome.error.fields.markdown);
      ui.result.replaceChildren(errorView(outcome.error));
    }
  });
}

function createPoller(ctx, chatId, status, getItems, setItems) {
  let timer = false;
  const tick = async () => {
    timer = false;
    try {
      const data = await api(`/groups/${encodeURIComponent(chatId)}/broadcasts`, { signal: ctx.signal });
      status.replaceChildren();
      setItems(data.broadcasts || []);
    } catch (err) {
      if (isAbort(err) || ctx.signal.aborted || err.status === 401) return;
      status.replaceChildren(errorView(err));
    }
    schedule();
  };
  const schedule = () => {
    if (timer || ctx.signal.aborted || !getItems().some(isPending)) return;
    timer = true;
    ctx.after(POLL_MS, tick);
  };
  return schedule;
}

export function broadcastSection(ctx, chatId, initial, robot) {
  let items = initial || [];
  const list = h('ul', { id: 'broadcasts', class: 'broadcast-list', 'aria-live': 'polite' });
  const status = h('div', { class: 'poll-status' });
  const setItems = (next) => {
    items = next;
    renderList(list, items);
    schedule();
  };
  const schedule = createPoller(ctx, chatId, status, () => items, setItems);
  renderList(list, items);
  const canSend = ctx.me.role === 'OPERATOR' || ctx.me.role === 'ADMIN';
  let compose = null;
  if (canSend) {
    const ui = composeForm();
    attachCompose(ctx, chatId, ui, (b) => setItems([b, ...items.filter((x) => x.id !== b.id)]));
    compose = ui.form;
  }
  schedule();
  return section('群发消息', { id: 'broadcast-section' },
    robot === false ? h('p', { class: 'hint warn', id: 'broadcast-no-robot' }, '该群还没有配置群机器人，消息无法推送。') : null,
    compose || h('p', { class: 'hint' }, '只读账号不能发送群消息。'),
    h('h3', null, '发送记录'), status, list);
}

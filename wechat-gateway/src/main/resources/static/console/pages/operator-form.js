import { api } from '../api.js';
import { h, section, field, setFieldError, errorView } from '../dom.js';
import { createSubmitter } from '../forms.js';

const ROLES = [['VIEWER', '只读'], ['OPERATOR', '运营'], ['ADMIN', '管理员']];

function inputs(op) {
  return {
    userId: h('input', { id: 'op-userid', type: 'text', autocomplete: 'off', value: op ? op.userId : '', disabled: !!op }),
    name: h('input', { id: 'op-name', type: 'text', autocomplete: 'off', value: op ? op.name || '' : '' }),
    role: h('select', { id: 'op-role' }, ROLES.map(([v, label]) =>
      h('option', { value: v, selected: op ? op.role === v : v === 'VIEWER' }, label))),
    cap: h('input', { id: 'op-cap', type: 'number', min: '0', step: '1', inputmode: 'numeric', value: op ? String(op.dailyGrantCap ?? 0) : '0' }),
    active: h('input', { id: 'op-active', type: 'checkbox', checked: op ? !!op.active : true }),
  };
}

function validate(values) {
  const errors = {};
  if (!values.userId) errors.userId = '请填写企业微信 userId';
  if (!values.name) errors.name = '请填写姓名';
  if (!/^\d+$/.test(values.capText)) errors.dailyGrantCap = '每日额度须为不小于 0 的整数';
  return errors;
}

function showErrors(form, errors) {
  setFieldError(form, 'op-userid', errors.userId);
  setFieldError(form, 'op-name', errors.name);
  setFieldError(form, 'op-cap', errors.dailyGrantCap);
}

export function operatorForm(ctx, op, onSaved, onCancel) {
  const f = inputs(op);
  const submit = h('button', { id: 'op-submit', type: 'submit', class: 'button' }, '保存');
  const result = h('div', { id: 'op-result', class: 'form-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'operator-form', class: 'form', novalidate: true, 'data-user-id': op ? op.userId : undefined },
    h('div', { class: 'form-row' }, field('企业微信 userId', f.userId), field('姓名', f.name)),
    h('div', { class: 'form-row' }, field('角色', f.role), field('每日发放额度（积分）', f.cap)),
    h('div', { class: 'field checkbox' }, f.active, h('label', { for: 'op-active' }, '启用（停用后无法登录）')),
    h('div', { class: 'actions' }, submit,
      h('button', { type: 'button', id: 'op-cancel', class: 'button secondary', onclick: onCancel }, '取消')),
    result);
  const submitter = createSubmitter({ form, button: submit, busyText: '保存中…' });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = { userId: f.userId.value.trim(), name: f.name.value.trim(), capText: f.cap.value.trim() };
    const errors = validate(values);
    showErrors(form, errors);
    if (Object.keys(errors).length) {
      result.replaceChildren(errorView({ code: 'INVALID_ARGUMENT', message: Object.values(errors).join('；') }));
      return;
    }
    const body = { name: values.name, role: f.role.value, dailyGrantCap: Number(values.capText), active: f.active.checked };
    const outcome = await submitter.submit(JSON.stringify({ userId: values.userId, ...body }), (requestId) =>
      api('/operators/' + encodeURIComponent(values.userId), { method: 'PUT', body: { ...body, requestId }, signal: ctx.signal }));
    if (outcome.skipped || ctx.signal.aborted) return;
    if (outcome.ok) onSaved(outcome.data);
    else {
      showErrors(form, outcome.error.fields || {});
      result.replaceChildren(errorView(outcome.error));
    }
  });
  return section(op ? `编辑操作员：${op.name || op.userId}` : '新增操作员', { id: 'operator-edit' }, form);
}

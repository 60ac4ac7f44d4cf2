import { api } from '../api.js';
import { h, fmtNum, section, field, setFieldError, errorView, noticeView } from '../dom.js';
import { createSubmitter } from '../forms.js';

function validate(values) {
  const errors = {};
  if (!/^\d+$/.test(values.amountText) || Number(values.amountText) <= 0) {
    errors.amount = '请输入大于 0 的整数积分';
  } else if (!Number.isSafeInteger(Number(values.amountText))) {
    errors.amount = '积分数量过大';
  }
  if (!values.reason) errors.reason = '请填写调整原因';
  else if ([...values.reason].length > 200) errors.reason = '原因最多 200 个字';
  return errors;
}

function readValues(form) {
  return {
    kind: form.querySelector('#adjust-kind').value,
    amountText: form.querySelector('#adjust-amount').value.trim(),
    reason: form.querySelector('#adjust-reason').value.trim(),
  };
}

function showFieldErrors(form, errors) {
  setFieldError(form, 'adjust-amount', errors.amount);
  setFieldError(form, 'adjust-reason', errors.reason);
}

function successText(kind, amount, data) {
  const verb = kind === 'deduct' ? '已扣减' : '已发放';
  let text = `${verb} ${fmtNum(amount)} 积分`;
  if (data.remainingToday !== undefined && data.remainingToday !== null) {
    text += `，今日剩余额度 ${fmtNum(data.remainingToday)}`;
  }
  return text;
}

function buildForm() {
  const kind = h('select', { id: 'adjust-kind', name: 'kind' },
    h('option', { value: 'grant' }, '发放积分'),
    h('option', { value: 'deduct' }, '扣减积分'));
  const amount = h('input', { id: 'adjust-amount', name: 'amount', type: 'number', min: '1', step: '1', inputmode: 'numeric' });
  const reason = h('input', { id: 'adjust-reason', name: 'reason', type: 'text', maxlength: '200', autocomplete: 'off', placeholder: '例如：活动补偿' });
  const submit = h('button', { id: 'adjust-submit', type: 'submit', class: 'button' }, '提交');
  const result = h('div', { id: 'adjust-result', class: 'form-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'adjust-form', class: 'form', novalidate: true },
    h('div', { class: 'form-row' },
      field('类型', kind),
      field('积分数量', amount)),
    field('原因（必填）', reason),
    h('div', { class: 'actions' }, submit),
    result);
  return { form, submit, result };
}

export function adjustForm(ctx, memberId, onSuccess) {
  const { form, submit, result } = buildForm();
  const submitter = createSubmitter({ form, button: submit, busyText: '提交中…' });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submitter.busy) return;
    const values = readValues(form);
    const errors = validate(values);
    showFieldErrors(form, errors);
    if (Object.keys(errors).length) {
      result.replaceChildren(errorView({ code: 'INVALID_ARGUMENT', message: Object.values(errors).join('；') }));
      return;
    }
    const amount = Number(values.amountText);
    const signed = values.kind === 'deduct' ? -amount : amount;
    const outcome = await submitter.submit(`${signed}|${values.reason}`, (requestId) =>
      api(`/members/${encodeURIComponent(memberId)}/adjustments`, {
        method: 'POST', body: { amount: signed, reason: values.reason, requestId }, signal: ctx.signal,
      }));
    if (outcome.skipped || ctx.signal.aborted) return;
    if (outcome.ok) {
      form.reset();
      result.replaceChildren(noticeView(successText(values.kind, amount, outcome.data), {
        'data-transaction-id': outcome.data.transactionId, 'data-remaining': outcome.data.remainingToday,
      }));
      ctx.updateQuota(outcome.data);
      onSuccess();
    } else {
      const fields = outcome.error.fields || {};
      showFieldErrors(form, { amount: fields.amount, reason: fields.reason });
      result.replaceChildren(errorView(outcome.error));
    }
  });

  return section('调整积分', { id: 'adjust-section' },
    h('p', { class: 'hint' }, '扣减将从会员可用积分中扣除；每次调整都会记入审计日志。'), form);
}

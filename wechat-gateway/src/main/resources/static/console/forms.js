import { isAbort, newRequestId } from './api.js';

function isFinalRefusal(err) {
  return err && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 429;
}

export function createSubmitter({ form, button, busyText = '提交中…' }) {
  let requestId = null;
  let sentWith = null;
  let busy = false;
  const idleText = button.textContent;

  const renew = () => {
    requestId = newRequestId();
    sentWith = null;
    form.dataset.requestId = requestId;
  };
  const setBusy = (on) => {
    busy = on;
    button.disabled = on;
    button.textContent = on ? busyText : idleText;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  };
  renew();

  return {
    get busy() {
      return busy;
    },
    renew,
    async submit(fingerprint, send) {
      if (busy) return { skipped: true };
      if (sentWith !== null && sentWith !== fingerprint) renew();
      sentWith = fingerprint;
      setBusy(true);
      try {
        const data = await send(requestId);
        renew();
        return { ok: true, data };
      } catch (err) {
        if (isAbort(err)) return { skipped: true };
        if (isFinalRefusal(err)) renew();
        return { ok: false, error: err };
      } finally {
        setBusy(false);
      }
    },
  };
}

export function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

export function charLength(text) {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

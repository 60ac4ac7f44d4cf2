// Reminder settings: the gateway's reminder templates (GET /subscriptions) and how many messages
// of each the member will still receive. Asking uses wx.requestSubscribeMessage (at most
// config.maxTemplatesPerRequest ids per call) and reports WeChat's answer to POST /subscriptions.
const api = require('../../utils/request');
const config = require('../../config');
const { messageFor } = require('../../utils/errors');
const { wxp } = require('../../utils/wx');

const ANSWERS = ['accept', 'reject', 'ban', 'filter'];
// wx.requestSubscribeMessage's errCode when the member has turned subscription messages off
const SUBSCRIPTIONS_OFF = 20004;

function templateView(t) {
  return {
    id: t.templateId,
    title: t.title || t.eventType,
    remaining: t.remaining,
    remainingText: t.remaining > 0 ? `还会提醒你 ${t.remaining} 次` : '未订阅',
  };
}

/** The templates to ask for in one go: the ones with the fewest reminders left first. */
function toAsk(templates) {
  return templates
    .slice()
    .sort((a, b) => a.remaining - b.remaining)
    .slice(0, config.maxTemplatesPerRequest)
    .map((t) => t.id);
}

/** WeChat's answer reduced to {templateId: accept|reject|ban|filter} for the asked ids. */
function resultsOf(answer, ids) {
  const results = {};
  ids.forEach((id) => {
    if (ANSWERS.indexOf(answer[id]) >= 0) results[id] = answer[id];
  });
  return results;
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    templates: [],
    asking: false,
  },

  onLoad() {
    return this.load();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.load();
  },

  async load() {
    try {
      const answer = await api.get('/subscriptions');
      this.show(answer);
    } catch (error) {
      this.setData({ status: 'error', errorText: messageFor(error) });
    }
  },

  show(answer) {
    const templates = (answer.templates || []).map(templateView);
    this.setData({ status: templates.length ? 'ready' : 'empty', templates });
  },

  // WeChat only shows the dialog from a tap, so both handlers call wx.requestSubscribeMessage
  // before anything asynchronous
  subscribeAll() {
    return this.ask(toAsk(this.data.templates));
  },

  subscribeOne(event) {
    return this.ask([event.currentTarget.dataset.id]);
  },

  async ask(ids) {
    if (!ids.length || this.data.asking) return;
    this.setData({ asking: true });
    try {
      const answer = await wxp('requestSubscribeMessage', { tmplIds: ids }).catch((err) => this.refused(err));
      const results = answer ? resultsOf(answer, ids) : {};
      if (Object.keys(results).length) await this.report(results);
    } finally {
      this.setData({ asking: false });
    }
  },

  async report(results) {
    try {
      const updated = await api.post('/subscriptions', { results }, { loading: '保存中' });
      this.show(updated);
      const accepted = Object.keys(results).filter((id) => results[id] === 'accept').length;
      wx.showToast({ title: accepted ? `已开启${accepted}项提醒` : '你没有开启提醒', icon: 'none' });
    } catch (error) {
      // request.js has shown the toast
    }
  },

  refused(err) {
    if (err && err.errCode === SUBSCRIPTIONS_OFF) {
      wx.showModal({
        title: '订阅消息已关闭',
        content: '请在小程序设置中打开“订阅消息”，再回来开启提醒',
        showCancel: false,
      });
    } else {
      wx.showToast({ title: '暂时无法开启提醒，请稍后再试', icon: 'none' });
    }
    return null;
  },
});

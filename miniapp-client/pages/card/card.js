// The member card (home): tier, points, growth, the way to the next tier, what keeping this tier
// takes and by when, points that expire soon, and the tier's benefits. GET /me.
const api = require('../../utils/request');
const { messageFor } = require('../../utils/errors');
const format = require('../../utils/format');

function nextTierView(next) {
  if (!next) return null;
  return {
    name: next.name,
    percent: format.progressPercent(next.requirements, next.combinator),
    summary: next.summary,
    joiner: next.combinator === 'ANY' ? '满足任一条件即可升级' : '需同时满足以下条件',
    requirements: (next.requirements || []).map(format.requirement),
  };
}

function retentionView(retention) {
  if (!retention) return null;
  return {
    deadline: format.date(retention.deadline),
    met: retention.met,
    summary: retention.summary,
  };
}

function expiringView(points) {
  return (points.expiringSoon || []).map((e) => ({
    key: e.expiresAt,
    text: `${format.count(e.points)} 积分将于 ${format.date(e.expiresAt)} 过期`,
  }));
}

/** The card as the page shows it, from GET /me. */
function cardView(me) {
  const points = me.points || { available: 0, pending: 0 };
  return {
    nickname: me.nickname || '会员',
    tier: {
      code: me.tier.code,
      name: me.tier.name,
      validUntil: me.tier.validUntil ? `有效期至 ${format.date(me.tier.validUntil)}` : '长期有效',
      benefits: me.tier.benefits || [],
    },
    points: format.count(points.available),
    pending: points.pending > 0 ? `另有 ${format.count(points.pending)} 积分待到账` : '',
    growth: format.count(me.growthValue),
    expiring: expiringView(points),
    next: nextTierView(me.nextTier),
    retention: retentionView(me.retention),
  };
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    card: null,
    phone: '',
  },

  onLoad() {
    return this.load();
  },

  // back from check-in or an invite the numbers may have changed
  onShow() {
    if (this.data.status === 'ready') return this.load();
    return undefined;
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.load();
  },

  // the getPhoneNumber button: WeChat hands over a one-time code, the gateway trades it for the
  // number and keeps it with the member (store staff and group operators find members by phone)
  async onGetPhoneNumber(event) {
    const code = event && event.detail && event.detail.code;
    if (!code) return; // the member declined: nothing to do
    try {
      const { phone } = await api.post('/me/phone', { code }, { silent: true });
      this.setData({ phone });
      wx.showToast({ title: '手机号已绑定', icon: 'success' });
    } catch (error) {
      // a code is good once and for five minutes: the member taps again for a new one
      const title = error.code === 'INVALID_ARGUMENT' ? '授权已失效，请重新点击绑定' : messageFor(error);
      wx.showToast({ title, icon: 'none', duration: 2500 });
    }
  },

  async load() {
    try {
      const me = await api.get('/me');
      this.setData({ status: 'ready', card: cardView(me) });
    } catch (error) {
      if (this.data.status !== 'ready') this.setData({ status: 'error', errorText: messageFor(error) });
    }
  },
});

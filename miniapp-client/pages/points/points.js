// The points history, newest first, a reason per line. GET /points/transactions, paged with
// nextPageToken: pull down starts again from the top, reaching the bottom loads the next page.
const api = require('../../utils/request');
const config = require('../../config');
const { messageFor } = require('../../utils/errors');
const format = require('../../utils/format');

const TYPES = { EARN: '获得', REDEEM: '使用', REVERSE: '退回', EXPIRE: '过期' };

function lineView(t) {
  return {
    id: t.transactionId,
    reason: t.reason || TYPES[t.type] || '积分变动',
    type: TYPES[t.type] || '',
    time: format.dateTime(t.occurredAt),
    points: format.signedPoints(t.points),
    direction: t.points > 0 ? 'plus' : 'minus',
    balance: `余额 ${format.count(t.balanceAfter)}`,
  };
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    lines: [],
    nextPageToken: '',
    loadingMore: false,
    moreFailed: false,
  },

  onLoad() {
    return this.refresh();
  },

  async onPullDownRefresh() {
    await this.refresh();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    return this.loadMore();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.refresh();
  },

  fetch(pageToken) {
    const data = { pageSize: config.pageSize };
    if (pageToken) data.pageToken = pageToken;
    return api.get('/points/transactions', { data });
  },

  async refresh() {
    // a page still loading from before the refresh must not be appended to the new list
    this.generation = (this.generation || 0) + 1;
    const generation = this.generation;
    try {
      const page = await this.fetch('');
      if (generation !== this.generation) return;
      const lines = page.transactions.map(lineView);
      this.setData({
        status: lines.length ? 'ready' : 'empty',
        lines,
        nextPageToken: page.nextPageToken || '',
        loadingMore: false,
        moreFailed: false,
      });
    } catch (error) {
      if (generation === this.generation && this.data.status !== 'ready') {
        this.setData({ status: 'error', errorText: messageFor(error) });
      }
    }
  },

  async loadMore() {
    if (!this.data.nextPageToken || this.data.loadingMore) return;
    const generation = this.generation;
    this.setData({ loadingMore: true, moreFailed: false });
    try {
      const page = await this.fetch(this.data.nextPageToken);
      if (generation !== this.generation) return;
      this.setData({
        lines: this.data.lines.concat(page.transactions.map(lineView)),
        nextPageToken: page.nextPageToken || '',
        loadingMore: false,
      });
    } catch (error) {
      if (generation === this.generation) this.setData({ loadingMore: false, moreFailed: true });
    }
  },
});

// This month's points ranking with the member's own rank. GET /leaderboard.
const api = require('../../utils/request');
const config = require('../../config');
const { messageFor } = require('../../utils/errors');
const format = require('../../utils/format');

function monthLabel(month) {
  const [year, mon] = String(month || '').split('-');
  return year && mon ? `${year}年${Number(mon)}月` : '本月';
}

// members with the same points share a rank, so the position in the list is the key
function entryView(e, i) {
  return { key: i, rank: e.rank, nickname: e.nickname || '会员', points: format.count(e.points), me: Boolean(e.me) };
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    month: '',
    entries: [],
    mine: '',
  },

  onLoad() {
    return this.load();
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.load();
  },

  async load() {
    try {
      const board = await api.get('/leaderboard', { data: { top: config.leaderboardTop } });
      const entries = (board.entries || []).map(entryView);
      this.setData({
        status: entries.length ? 'ready' : 'empty',
        month: monthLabel(board.month),
        entries,
        mine: board.mine
          ? `我的排名：第${board.mine.rank}名 · ${format.count(board.mine.points)}积分`
          : '本月还没有积分，签到或下单即可上榜',
      });
    } catch (error) {
      if (this.data.status !== 'ready') this.setData({ status: 'error', errorText: messageFor(error) });
    }
  },
});

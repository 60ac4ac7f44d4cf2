// Invitations: share the member's code to a chat (onShareAppMessage with the gateway's path),
// save a poster with the mini-program code to the album, and see the invitees and their rewards.
// POST /invites, GET /invites, GET /invites/{code}/poster.png.
const api = require('../../utils/request');
const { messageFor } = require('../../utils/errors');
const format = require('../../utils/format');
const { wxp } = require('../../utils/wx');

const STAGES = { ENROLLED: '已注册', FIRST_ORDER_PAID: '已下单', FIRST_ORDER_COMPLETED: '首单完成' };
const REWARD_STATUS = { REWARD_GRANTED: '已到账', REWARD_PENDING: '待到账', REWARD_WITHHELD: '已取消' };
const FALLBACK_SHARE = { title: '一起来领会员积分', path: '/pages/card/card' };

function rewardText(rewards) {
  const mine = (rewards || []).filter((r) => r.beneficiary === 'INVITER');
  if (!mine.length) return '';
  return mine
    .map((r) => {
      const what = [r.points ? `${format.count(r.points)}积分` : '', r.growth ? `${format.count(r.growth)}成长值` : '']
        .filter(Boolean)
        .join('+');
      return `+${what} ${REWARD_STATUS[r.status] || ''}`.trim();
    })
    .join('，');
}

function friendView(f) {
  return {
    id: f.invitationId,
    nickname: f.nickname || '好友',
    joined: format.date(f.acceptedAt),
    stage: STAGES[f.stage] || f.stage,
    reward: rewardText(f.rewards) || '奖励发放中',
    withheld: Boolean(f.withheld),
  };
}

// saveImageToPhotosAlbum fails with "auth deny" / "auth denied" when album access was refused
function albumDenied(err) {
  return /auth/.test((err && err.errMsg) || '');
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    invite: null,
    expires: '',
    friends: [],
    poster: '',
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
      const [invite, page] = await Promise.all([api.post('/invites'), api.get('/invites', { data: { pageSize: 50 } })]);
      this.setData({
        status: 'ready',
        invite,
        expires: format.date(invite.expiresAt),
        friends: page.invites.map(friendView),
      });
    } catch (error) {
      this.setData({ status: 'error', errorText: messageFor(error) });
    }
  },

  // the share card: the gateway's path carries the code, so the friend lands on the accept page
  onShareAppMessage() {
    const invite = this.data.invite;
    if (!invite) return FALLBACK_SHARE;
    return { title: invite.title || FALLBACK_SHARE.title, path: invite.path };
  },

  async makePoster() {
    if (!this.data.invite) return;
    try {
      const poster = await api.download(this.data.invite.posterUrl, { loading: '生成海报中' });
      this.setData({ poster });
    } catch (error) {
      // request.js has shown the toast
    }
  },

  async savePoster() {
    if (!this.data.poster) return;
    try {
      await wxp('saveImageToPhotosAlbum', { filePath: this.data.poster });
      wx.showToast({ title: '海报已保存到相册', icon: 'success' });
    } catch (err) {
      if (albumDenied(err)) {
        await this.askForAlbum();
      } else if (!/cancel/.test((err && err.errMsg) || '')) {
        wx.showToast({ title: '保存失败，请重试', icon: 'none' });
      }
    }
  },

  async askForAlbum() {
    const answer = await wxp('showModal', {
      title: '需要相册权限',
      content: '保存海报需要访问你的相册，请在设置中允许“保存到相册”',
      confirmText: '去设置',
    });
    if (answer.confirm) await wxp('openSetting', {});
  },
});

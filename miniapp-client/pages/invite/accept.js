// Where a shared card or a scanned poster lands (tierpoint.invites.page). A new member is
// enrolled with the code at login (POST /session with inviteCode); a member who already had a
// session accepts it with POST /invites/accept. Either way the page says whether the gift came.
const api = require('../../utils/request');
const { ApiError, messageFor, inviteReason } = require('../../utils/errors');
const { inviteCodeFrom } = require('../../utils/invite');

function arrivingCode(options) {
  const fromPage = inviteCodeFrom(options);
  if (fromPage) return fromPage;
  const launch = wx.getLaunchOptionsSync();
  const fromLaunch = inviteCodeFrom(launch && launch.query);
  if (fromLaunch) return fromLaunch;
  const app = getApp();
  return (app && app.globalData && app.globalData.inviteCode) || '';
}

Page({
  data: {
    // loading | accepted | refused | error
    status: 'loading',
    message: '',
  },

  onLoad(options) {
    this.code = arrivingCode(options || {});
    return this.accept();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.accept();
  },

  async accept() {
    const code = this.code;
    if (!code) {
      this.show('refused', '邀请链接无效');
      return;
    }
    try {
      if (!api.hasSession()) {
        api.setInviteCode(code);
        await api.login();
      }
      const last = api.lastLogin();
      if (last && last.inviteCode === code) {
        this.showLogin(last);
        return;
      }
      api.setInviteCode('');
      await api.post('/invites/accept', { code }, { silent: true });
      this.show('accepted', '');
    } catch (error) {
      this.showFailure(error);
    }
  },

  showLogin(last) {
    if (last.inviteRejectionReason) this.show('refused', inviteReason(last.inviteRejectionReason));
    else this.show('accepted', '');
  },

  showFailure(error) {
    if (error instanceof ApiError && error.statusCode === 409) {
      this.show('refused', inviteReason(error.code));
    } else {
      this.show('error', messageFor(error));
      api.showError(error);
    }
  },

  show(status, message) {
    this.setData({ status, message });
  },

  goToCard() {
    wx.reLaunch({ url: '/pages/card/card' });
  },
});

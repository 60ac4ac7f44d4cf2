const session = require('./utils/request');
const { inviteCodeFrom } = require('./utils/invite');

App({
  globalData: {
    // the invite code the mini-program was opened with, if any
    inviteCode: '',
  },

  onLaunch(options) {
    this.rememberInvite(options);
  },

  // a warm start from a shared card or a scanned poster also brings a query
  onShow(options) {
    this.rememberInvite(options);
  },

  rememberInvite(options) {
    const code = inviteCodeFrom(options && options.query);
    if (code) {
      this.globalData.inviteCode = code;
      session.setInviteCode(code);
    }
  },
});

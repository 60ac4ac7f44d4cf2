// app.js remembers the invite code the mini-program was opened with for the first login.
const api = require('../utils/request');

let app;
global.App = (definition) => {
  app = definition;
};
require('../app');

describe('app', () => {
  it('keeps the invite code of a shared card opened at launch, and the login sends it', async () => {
    app.globalData.inviteCode = '';
    app.onLaunch({ path: 'pages/invite/accept', query: { code: '55NKJM3BYV' }, scene: 1007 });

    await api.login();

    expect(app.globalData.inviteCode).toBe('55NKJM3BYV');
    expect(wxStub.requests('POST /session')[0].data.inviteCode).toBe('55NKJM3BYV');
  });

  it('keeps the scene of a poster scanned while the mini-program was in the background', () => {
    app.globalData.inviteCode = '';
    app.onShow({ path: 'pages/invite/accept', query: { scene: 'ABCD2345' }, scene: 1047 });
    expect(app.globalData.inviteCode).toBe('ABCD2345');
  });

  it('ignores a launch without a code', () => {
    app.globalData.inviteCode = '';
    app.onLaunch({ path: 'pages/card/card', query: {}, scene: 1001 });
    expect(app.globalData.inviteCode).toBe('');
  });
});

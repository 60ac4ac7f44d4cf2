const api = require('../../utils/request');
const { renderPage, tap, text } = require('../helpers/mp');

global.getApp = () => ({ globalData: { inviteCode: '' } });

const CODE = () => wxStub.fixture('invite').data.code;

describe('invite accept page', () => {
  it('enrols a new member with the code from the shared card', async () => {
    wxStub.route('POST /session', 'session-invited');
    const page = renderPage('pages/invite/accept');
    const loading = page.instance.onLoad({ code: CODE() });
    expect(text(page.querySelector('#loading'))).toBe('正在领取好友的邀请礼包…');
    await loading;

    expect(wxStub.requests('POST /session')[0].data).toEqual({ code: 'wx-login-code', inviteCode: CODE() });
    expect(wxStub.requests('POST /invites/accept')).toHaveLength(0);
    expect(text(page.querySelector('#title'))).toBe('欢迎加入！');
  });

  it('reads the code from the scene of a scanned poster', async () => {
    wxStub.route('POST /session', 'session-invited');
    const page = renderPage('pages/invite/accept');
    await page.instance.onLoad({ scene: encodeURIComponent(CODE()) });

    expect(wxStub.requests('POST /session')[0].data.inviteCode).toBe(CODE());
  });

  it('falls back to the launch options when the page was opened without a query', async () => {
    wxStub.route('POST /session', 'session-invited');
    wx.getLaunchOptionsSync.mockReturnValueOnce({ path: 'pages/invite/accept', query: { scene: CODE() }, scene: 1047 });
    const page = renderPage('pages/invite/accept');
    await page.instance.onLoad({});

    expect(wxStub.requests('POST /session')[0].data.inviteCode).toBe(CODE());
  });

  it('tells an existing member that the gift is for new members only', async () => {
    wxStub.route('POST /session', 'session-invite-not-new');
    const page = renderPage('pages/invite/accept');
    await page.instance.onLoad({ code: CODE() });

    expect(text(page.querySelector('#title'))).toBe('邀请礼包未能领取');
    expect(text(page.querySelector('#reason'))).toBe('邀请礼包仅限新会员领取');
  });

  it('accepts with POST /invites/accept when the member already has a session, and shows a refusal', async () => {
    await api.login();
    wxStub.route('POST /invites/accept', 'invites-accept-conflict');
    const page = renderPage('pages/invite/accept');
    await page.instance.onLoad({ code: CODE() });

    expect(wxStub.requests('POST /invites/accept')[0].data).toEqual({ code: CODE() });
    expect(text(page.querySelector('#reason'))).toBe('你已接受过好友的邀请');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  it('says the link is not valid without a code', async () => {
    const page = renderPage('pages/invite/accept');
    await page.instance.onLoad({});

    expect(text(page.querySelector('#reason'))).toBe('邀请链接无效');
    expect(wx.login).not.toHaveBeenCalled();
  });

  it('shows an error with a retry when the gateway cannot be reached, and goes to the card', async () => {
    await api.login();
    wxStub.route('POST /invites/accept', wxStub.networkError, {
      statusCode: 200,
      header: {},
      data: { invitationId: '1', stage: 'ENROLLED', rewards: [] },
    });
    const page = renderPage('pages/invite/accept');
    await page.instance.onLoad({ code: CODE() });
    expect(text(page.querySelector('#title'))).toBe('领取失败');

    await tap(page, '#retry-button');
    expect(text(page.querySelector('#title'))).toBe('欢迎加入！');

    await tap(page, '#card-button');
    expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/card/card' });
  });
});

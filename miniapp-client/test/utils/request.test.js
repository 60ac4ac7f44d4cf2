const api = require('../../utils/request');

const unauthorised = () => wxStub.fixture('error-unauthenticated');
const bearer = (req) => req.header.Authorization;

describe('request.js', () => {
  it('logs in once for calls made at the same time and sends the token with each', async () => {
    wxStub.route('GET /me', 'me');
    wxStub.route('GET /tiers', 'tiers');

    const [me, tiers] = await Promise.all([api.get('/me'), api.get('/tiers')]);

    expect(me.nickname).toBe('小美');
    expect(tiers).toHaveLength(4);
    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(wxStub.requests('POST /session')).toHaveLength(1);
    expect(bearer(wxStub.requests('GET /me')[0])).toBe('Bearer recorded-access-token');
    expect(wxStub.requests('GET /me')[0].url).toBe('http://127.0.0.1:8080/api/v1/me');
  });

  it('keeps the session in storage, so a restarted mini-program does not log in again', async () => {
    wxStub.route('GET /me', 'me');
    await api.get('/me');
    expect(wx.setStorageSync).toHaveBeenCalledWith('tierpoint.session', expect.objectContaining({
      accessToken: 'recorded-access-token',
      refreshToken: 'recorded-refresh-token',
    }));
  });

  it('refreshes the session on a 401 and repeats the call once', async () => {
    wxStub.route('GET /me', unauthorised(), 'me');
    wxStub.route('POST /session/refresh', {
      statusCode: 200,
      header: {},
      data: Object.assign({}, wxStub.fixture('session-refresh').data, { accessToken: 'fresh-token' }),
    });

    const me = await api.get('/me');

    expect(me.nickname).toBe('小美');
    expect(wxStub.requests('POST /session/refresh')[0].data).toEqual({ refreshToken: 'recorded-refresh-token' });
    expect(wxStub.requests('GET /me').map(bearer)).toEqual(['Bearer recorded-access-token', 'Bearer fresh-token']);
  });

  it('refreshes only once when several calls get a 401 together', async () => {
    await api.login();
    wxStub.route('GET /me', unauthorised(), unauthorised(), 'me');
    wxStub.route('GET /tiers', 'tiers');
    wxStub.route('POST /session/refresh', {
      statusCode: 200,
      header: {},
      data: Object.assign({}, wxStub.fixture('session-refresh').data, { accessToken: 'fresh-token' }),
    });

    await Promise.all([api.get('/me'), api.get('/me')]);

    expect(wxStub.requests('POST /session/refresh')).toHaveLength(1);
    expect(wxStub.requests('GET /me').slice(2).map(bearer)).toEqual(['Bearer fresh-token', 'Bearer fresh-token']);
  });

  it('logs in again with wx.login when the refresh token is no longer valid', async () => {
    await api.login();
    wxStub.route('GET /me', unauthorised(), 'me');
    wxStub.route('POST /session/refresh', 'session-refresh-expired');

    const me = await api.get('/me');

    expect(me.nickname).toBe('小美');
    expect(wx.login).toHaveBeenCalledTimes(2);
  });

  it('gives up after a second 401 instead of looping, with the one error toast', async () => {
    wxStub.route('GET /me', unauthorised());

    await expect(api.get('/me')).rejects.toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });

    expect(wxStub.requests('GET /me')).toHaveLength(2);
    expect(wx.showToast).toHaveBeenCalledTimes(1);
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '登录已失效，请重新进入小程序', icon: 'none' }),
    );
  });

  it('says "too frequent" with the wait from Retry-After on a 429', async () => {
    wxStub.route('POST /checkin', 'checkin-rate-limited');

    await expect(api.post('/checkin')).rejects.toMatchObject({ statusCode: 429, retryAfter: Number(wxStub.fixture('checkin-rate-limited').header['Retry-After']) });

    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: `操作太频繁，请${wxStub.fixture('checkin-rate-limited').header['Retry-After']}秒后再试` }));
  });

  it('shows a network toast when the request cannot reach the gateway', async () => {
    await api.login();
    wxStub.route('GET /me', wxStub.networkError);

    await expect(api.get('/me')).rejects.toMatchObject({ code: 'NETWORK' });

    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请检查网络后重试' }));
  });

  it('always clears the loading indicator, before showing the error toast', async () => {
    wxStub.route('POST /checkin', 'checkin', 'checkin-rate-limited');
    const order = [];
    wx.hideLoading.mockImplementation(() => order.push('hideLoading'));
    wx.showToast.mockImplementation(() => order.push('showToast'));

    await api.post('/checkin', undefined, { loading: '签到中' });
    await expect(api.post('/checkin', undefined, { loading: '签到中' })).rejects.toBeTruthy();

    expect(wx.showLoading).toHaveBeenCalledTimes(2);
    expect(wx.showLoading).toHaveBeenCalledWith(expect.objectContaining({ title: '签到中' }));
    expect(order).toEqual(['hideLoading', 'hideLoading', 'showToast']);
    wx.hideLoading.mockReset();
    wx.showToast.mockReset();
  });

  it('leaves the error to the caller when asked to be silent', async () => {
    wxStub.route('POST /invites/accept', 'invites-accept-conflict');

    await expect(api.post('/invites/accept', { code: 'ABCD1234' }, { silent: true })).rejects.toMatchObject({
      statusCode: 409,
      code: 'ALREADY_INVITED',
    });
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  it('fails the call when WeChat refuses the login code', async () => {
    wxStub.route('POST /session', 'session-code-used');

    await expect(api.get('/me')).rejects.toMatchObject({ statusCode: 401, code: 'WX_CODE_INVALID' });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '微信登录失败，请重试' }));
  });

  it('sends a remembered invite code with the login, once', async () => {
    wxStub.route('POST /session', 'session-invited');
    api.setInviteCode('55NKJM3BYV');

    await api.login();
    api.clearSession();
    await api.login();

    const logins = wxStub.requests('POST /session');
    expect(logins[0].data).toEqual({ code: 'wx-login-code', inviteCode: '55NKJM3BYV' });
    expect(api.lastLogin()).toMatchObject({ newMember: true, inviteRejectionReason: '' });
    expect(logins[1].data).toEqual({ code: 'wx-login-code' });
  });

  it('downloads the poster with the session header from the gateway host', async () => {
    wxStub.route('GET /invites/55NKJM3BYV/poster.png', 'invite-poster');

    const file = await api.download('/api/v1/invites/55NKJM3BYV/poster.png');

    expect(file).toBe('wxfile://tmp/poster.png');
    const call = wx.downloadFile.mock.calls[0][0];
    expect(call.url).toBe('http://127.0.0.1:8080/api/v1/invites/55NKJM3BYV/poster.png');
    expect(call.header.Authorization).toBe('Bearer recorded-access-token');
  });
});

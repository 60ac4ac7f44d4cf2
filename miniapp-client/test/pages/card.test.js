const { renderPage, find, tap, text } = require('../helpers/mp');
const { date } = require('../../utils/format');

function render() {
  return renderPage('pages/card/card');
}

describe('card page', () => {
  it('shows the loading state until GET /me answers', async () => {
    wxStub.route('GET /me', 'me');
    const page = render();
    const loading = page.instance.onLoad();

    expect(text(page)).toBe('加载中…');
    await loading;
    expect(text(page)).not.toContain('加载中');
  });

  it("shows the member's tier, points, growth and the way to the next tier", async () => {
    const me = wxStub.fixture('me').data;
    wxStub.route('GET /me', 'me');
    const page = render();
    await page.instance.onLoad();

    expect(text(page)).toContain(me.nickname);
    expect(find(page, '#tier >>> .badge').dom.textContent).toBe('银卡会员');
    expect(page.querySelector('#points').dom.textContent).toBe('2,755');
    expect(page.querySelector('#growth').dom.textContent).toBe('2,701');
    const next = text(page.querySelector('#next-tier'));
    expect(next).toContain('距金卡会员');
    expect(next).toContain('45%');
    expect(next).toContain('再消费¥300.00并邀请1位好友即可升级金卡会员');
    expect(next).toContain('¥2,700.00 / ¥3,000.00');
    expect(next).toContain('0位 / 1位');
  });

  it('shows the retention deadline, the points expiring soon and the benefits', async () => {
    const me = wxStub.fixture('me').data;
    wxStub.route('GET /me', 'me');
    const page = render();
    await page.instance.onLoad();

    expect(text(page.querySelector('#retention'))).toContain(`保级截止：${date(me.retention.deadline)}`);
    expect(text(page.querySelector('#retention'))).toContain('已满足银卡会员保级条件');
    expect(text(page.querySelector('#expiring'))).toContain(
      `2,755 积分将于 ${date(me.points.expiringSoon[0].expiresAt)} 过期`,
    );
    expect(text(page.querySelector('#benefits'))).toContain('全场98折');
    expect(text(page.querySelector('#benefits'))).toContain('生日礼包');
  });

  it('shows a new member with nothing yet: zero points, no retention, nothing expiring', async () => {
    wxStub.route('GET /me', 'me-new');
    const page = render();
    await page.instance.onLoad();

    expect(page.querySelector('#points').dom.textContent).toBe('0');
    expect(page.querySelector('#retention')).toBeUndefined();
    expect(text(page.querySelector('#expiring'))).toContain('近期没有即将过期的积分');
    expect(text(page.querySelector('#next-tier'))).toContain('再获得1000成长值或下单5笔即可升级银卡会员');
    expect(text(page.querySelector('#next-tier'))).toContain('满足任一条件即可升级');
  });

  it('shows the error state with a toast when the gateway is unavailable, and retries', async () => {
    wxStub.route('GET /me', { statusCode: 503, header: { 'Retry-After': '5' }, data: { code: 'CORE_UNAVAILABLE' } }, 'me');
    const page = render();
    await page.instance.onLoad();

    expect(text(page)).toContain('服务繁忙，请稍后再试');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务繁忙，请稍后再试', icon: 'none' }));

    await tap(page, '#state >>> .state__retry');
    expect(page.querySelector('#points').dom.textContent).toBe('2,755');
  });

  it('logs in with wx.login before the first call and sends the token', async () => {
    wxStub.route('GET /me', 'me');
    const page = render();
    await page.instance.onLoad();

    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(wxStub.requests('POST /session')[0].data).toEqual({ code: 'wx-login-code' });
    expect(wxStub.requests('GET /me')[0].header.Authorization).toBe('Bearer recorded-access-token');
  });

  it('reloads on pull-down and stops the refresh indicator', async () => {
    wxStub.route('GET /me', 'me-new', 'me');
    const page = render();
    await page.instance.onLoad();
    await page.instance.onPullDownRefresh();

    expect(page.querySelector('#points').dom.textContent).toBe('2,755');
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('binds the phone the member shares with the getPhoneNumber button and shows it masked', async () => {
    wxStub.route('GET /me', 'me');
    wxStub.route('POST /me/phone', 'phone');
    const page = render();
    await page.instance.onLoad();
    expect(page.querySelector('#phone-button')).toBeDefined();

    await page.instance.onGetPhoneNumber({ detail: { code: 'phone-code-1' } });

    expect(wxStub.requests('POST /me/phone')[0].data).toEqual({ code: 'phone-code-1' });
    expect(text(page.querySelector('#phone'))).toBe('已绑定手机号 138****8000');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '手机号已绑定' }));
  });

  it('asks the gateway nothing when the member declines to share the phone', async () => {
    wxStub.route('GET /me', 'me');
    const page = render();
    await page.instance.onLoad();

    await page.instance.onGetPhoneNumber({ detail: { errMsg: 'getPhoneNumber:fail user deny' } });

    expect(wxStub.requests('POST /me/phone')).toHaveLength(0);
    expect(page.querySelector('#phone-button')).toBeDefined();
  });

  it('says a used phone code needs a new tap and keeps the button', async () => {
    wxStub.route('GET /me', 'me');
    wxStub.route('POST /me/phone', 'phone-code-invalid');
    const page = render();
    await page.instance.onLoad();

    await page.instance.onGetPhoneNumber({ detail: { code: 'used-code' } });

    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '授权已失效，请重新点击绑定' }));
    expect(page.querySelector('#phone-button')).toBeDefined();
    expect(text(page.querySelector('#phone'))).not.toContain('已绑定');
  });
});

const { renderPage, flush, tap, text } = require('../helpers/mp');

function answerWith(answer) {
  wx.requestSubscribeMessage.mockImplementationOnce((options) =>
    Promise.resolve().then(() => options.success(Object.assign({ errMsg: 'requestSubscribeMessage:ok' }, answer))),
  );
}

async function loaded() {
  wxStub.route('GET /subscriptions', 'subscriptions');
  wxStub.route('POST /subscriptions', 'subscriptions-after');
  const page = renderPage('pages/reminders/reminders');
  await page.instance.onLoad();
  return page;
}

describe('reminder settings page', () => {
  it("lists the gateway's reminder templates and how many reminders are left", async () => {
    wxStub.route('GET /subscriptions', 'subscriptions');
    const page = renderPage('pages/reminders/reminders');
    const loading = page.instance.onLoad();
    expect(text(page)).toBe('加载中…');
    await loading;

    const rows = page.querySelectorAll('.template__main').map(text);
    expect(rows).toEqual(['积分过期提醒未订阅', '会员等级到期提醒未订阅', '会员升级通知未订阅', '签到提醒未订阅']);
  });

  it('asks WeChat for at most three templates and reports the answers to the gateway', async () => {
    const page = await loaded();
    answerWith({ 'sandbox-tpl-points-expiring': 'reject', 'sandbox-tpl-tier-upgraded': 'accept', 'sandbox-tpl-tier-expiring': 'ban' });

    await tap(page, '#subscribe-all');

    const asked = wx.requestSubscribeMessage.mock.calls[0][0].tmplIds;
    expect(asked).toEqual(['sandbox-tpl-points-expiring', 'sandbox-tpl-tier-expiring', 'sandbox-tpl-tier-upgraded']);
    expect(wxStub.requests('POST /subscriptions')[0].data).toEqual({
      results: {
        'sandbox-tpl-points-expiring': 'reject',
        'sandbox-tpl-tier-expiring': 'ban',
        'sandbox-tpl-tier-upgraded': 'accept',
      },
    });
    expect(text(page.querySelectorAll('.template__main')[2])).toBe('会员升级通知还会提醒你 1 次');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启1项提醒' }));
  });

  it('asks for one template from its own row', async () => {
    const page = await loaded();
    answerWith({ 'sandbox-tpl-streak-at-risk': 'accept' });

    page.querySelectorAll('.template__button')[3].dispatchEvent('tap');
    await flush();

    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['sandbox-tpl-streak-at-risk']);
    expect(wxStub.requests('POST /subscriptions')[0].data).toEqual({
      results: { 'sandbox-tpl-streak-at-risk': 'accept' },
    });
  });

  it('tells the member to turn subscription messages on when WeChat says they are off, and reports nothing', async () => {
    const page = await loaded();
    wx.requestSubscribeMessage.mockImplementationOnce((options) =>
      Promise.resolve().then(() => options.fail({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })),
    );

    await tap(page, '#subscribe-all');

    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '订阅消息已关闭' }));
    expect(wxStub.requests('POST /subscriptions')).toHaveLength(0);
  });

  it('shows the empty state when the gateway has no reminder templates', async () => {
    wxStub.route('GET /subscriptions', { statusCode: 200, header: {}, data: { templates: [] } });
    const page = renderPage('pages/reminders/reminders');
    await page.instance.onLoad();

    expect(text(page)).toBe('暂时没有可以订阅的提醒');
  });

  it('shows the error state when the templates cannot be loaded', async () => {
    wxStub.route('GET /subscriptions', 'error-unauthenticated');
    const page = renderPage('pages/reminders/reminders');
    await page.instance.onLoad();

    expect(text(page)).toContain('登录已失效，请重新进入小程序');
  });
});

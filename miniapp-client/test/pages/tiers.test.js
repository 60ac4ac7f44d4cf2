const { renderPage, find, text } = require('../helpers/mp');

describe('tiers page', () => {
  it("shows every tier's rule, multiplier and benefits, and where the member stands", async () => {
    wxStub.route('GET /tiers', 'tiers');
    const page = renderPage('pages/tiers/tiers');
    const loading = page.instance.onLoad();
    expect(text(page)).toBe('加载中…');
    await loading;

    expect(text(page.querySelector('#position'))).toBe('你当前是银卡会员');
    expect(text(page.querySelector('#tier-MEMBER'))).toContain('已达成');
    expect(text(page.querySelector('#tier-SILVER'))).toContain('当前等级');
    expect(text(page.querySelector('#tier-SILVER'))).toContain('积分1.2倍');
    const gold = text(page.querySelector('#tier-GOLD'));
    expect(gold).toContain('未达成');
    expect(gold).toContain('升级条件：消费¥3000.00并邀请1位好友');
    expect(gold).toContain('全年包邮');
    expect(find(page, '#tier-GOLD')).toBeTruthy();
  });

  it('shows the empty state when the program has no tiers', async () => {
    wxStub.route('GET /tiers', { statusCode: 200, header: {}, data: [] });
    const page = renderPage('pages/tiers/tiers');
    await page.instance.onLoad();

    expect(text(page)).toBe('会员等级暂未设置');
  });

  it('shows the error state when the tiers cannot be loaded', async () => {
    wxStub.route('GET /tiers', { statusCode: 503, header: { 'Retry-After': '3' }, data: { code: 'CORE_UNAVAILABLE' } });
    const page = renderPage('pages/tiers/tiers');
    await page.instance.onLoad();

    expect(text(page)).toContain('服务繁忙，请稍后再试');
  });
});

const { renderPage, find, tap, text } = require('../helpers/mp');

const page1 = () => wxStub.fixture('transactions-page1');
const page2 = () => wxStub.fixture('transactions-page2');
// the first page, or the second when the request carries page 1's token
const paged = (req) => (req.data.pageToken ? page2() : page1());

function lines(page) {
  return page.querySelectorAll('.line').map((l) => text(l));
}

describe('points history page', () => {
  it('shows the loading state, then a line per transaction with its reason and sign', async () => {
    wxStub.route('GET /points/transactions', paged);
    const page = renderPage('pages/points/points');
    const loading = page.instance.onLoad();
    expect(text(page)).toBe('加载中…');
    await loading;

    expect(lines(page)).toHaveLength(2);
    expect(lines(page)[0]).toContain('兑换10元券');
    expect(lines(page)[0]).toContain('-150');
    expect(lines(page)[1]).toContain('订单消费');
    expect(lines(page)[1]).toContain('+2,700');
    expect(lines(page)[1]).toContain('余额 2,905');
  });

  it('loads the next page with the token when the member reaches the bottom', async () => {
    wxStub.route('GET /points/transactions', paged);
    const page = renderPage('pages/points/points');
    await page.instance.onLoad();
    await page.instance.onReachBottom();

    expect(wxStub.requests('GET /points/transactions')[1].data).toEqual({
      pageSize: 20,
      pageToken: page1().data.nextPageToken,
    });
    expect(lines(page)).toHaveLength(4);
    expect(lines(page)[3]).toContain('签到 第1天');
    expect(text(page.querySelector('#footer'))).toBe('没有更多了');

    await page.instance.onReachBottom();
    expect(wxStub.requests('GET /points/transactions')).toHaveLength(2);
  });

  it('starts again from the first page on pull-down', async () => {
    wxStub.route('GET /points/transactions', paged);
    const page = renderPage('pages/points/points');
    await page.instance.onLoad();
    await page.instance.onReachBottom();
    await page.instance.onPullDownRefresh();

    expect(wxStub.requests('GET /points/transactions')[2].data).toEqual({ pageSize: 20 });
    expect(lines(page)).toHaveLength(2);
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('keeps the list and offers a retry when the next page fails', async () => {
    wxStub.route('GET /points/transactions', 'transactions-page1', wxStub.networkError, 'transactions-page2');
    const page = renderPage('pages/points/points');
    await page.instance.onLoad();
    await page.instance.onReachBottom();

    expect(lines(page)).toHaveLength(2);
    expect(text(page.querySelector('#footer'))).toBe('加载失败，点击重试');

    await tap(page, '#footer');
    expect(lines(page)).toHaveLength(4);
  });

  it('says there are no points yet for a new member', async () => {
    wxStub.route('GET /points/transactions', 'transactions-empty');
    const page = renderPage('pages/points/points');
    await page.instance.onLoad();

    expect(text(page)).toBe('还没有积分记录，签到或下单即可获得积分');
  });

  it('shows the error state when the history cannot be loaded', async () => {
    await require('../../utils/request').login();
    wxStub.route('GET /points/transactions', wxStub.networkError);
    const page = renderPage('pages/points/points');
    await page.instance.onLoad();

    expect(text(page)).toContain('网络不给力，请检查网络后重试');
    expect(find(page, '#state >>> .state__retry')).toBeTruthy();
  });
});

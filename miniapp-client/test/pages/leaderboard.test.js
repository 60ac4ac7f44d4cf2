const { renderPage, text } = require('../helpers/mp');

describe('leaderboard page', () => {
  it("shows the month's ranking with the member's own line marked", async () => {
    wxStub.route('GET /leaderboard', 'leaderboard');
    const page = renderPage('pages/leaderboard/leaderboard');
    const loading = page.instance.onLoad();
    expect(text(page)).toBe('加载中…');
    await loading;

    expect(wxStub.requests('GET /leaderboard')[0].data).toEqual({ top: 20 });
    const board = wxStub.fixture('leaderboard').data;
    const entries = page.querySelectorAll('.entry').map(text);
    expect(entries).toHaveLength(board.entries.length);
    board.entries.forEach((e, i) => {
      expect(entries[i].startsWith(`${e.rank}${e.nickname || '会员'}`)).toBe(true);
    });
    expect(text(page.querySelector('.entry--me'))).toBe('1小*（我）2,955');
    expect(text(page.querySelector('#mine'))).toContain('我的排名：第1名 · 2,955积分');
  });

  it('shows the empty state in a month without points', async () => {
    wxStub.route('GET /leaderboard', 'leaderboard-empty');
    const page = renderPage('pages/leaderboard/leaderboard');
    await page.instance.onLoad();

    expect(text(page)).toBe('本月还没有人上榜，快去赚积分吧');
  });

  it('shows the error state when the ranking cannot be loaded', async () => {
    await require('../../utils/request').login();
    wxStub.route('GET /leaderboard', wxStub.networkError);
    const page = renderPage('pages/leaderboard/leaderboard');
    await page.instance.onLoad();

    expect(text(page)).toContain('网络不给力');
  });
});

const { renderPage, tap, text } = require('../helpers/mp');

// the button carries is-disabled whenever its disabled attribute is set
function disabled(page) {
  return page.querySelector('#checkin-button').dom.className.includes('is-disabled');
}

describe('check-in page', () => {
  it("shows this month's calendar, the streak and an enabled button before today's check-in", async () => {
    const calendar = wxStub.fixture('calendar-empty').data;
    wxStub.route('GET /checkin/calendar', 'calendar-empty');
    const page = renderPage('pages/checkin/checkin');
    const loading = page.instance.onLoad();
    expect(text(page)).toBe('加载中…');
    await loading;

    const [year, month] = calendar.month.split('-');
    expect(text(page.querySelector('#month'))).toBe(`${year}年${Number(month)}月`);
    expect(text(page.querySelector('#streak'))).toBe('0');
    expect(text(page.querySelector('#reward'))).toBe('今日签到可领积分，连续签到奖励更多');
    expect(disabled(page)).toBe(false);
    expect(text(page.querySelector('#checkin-button'))).toBe('立即签到');
    const days = new Date(Number(year), Number(month), 0).getDate();
    expect(page.querySelectorAll('.calendar__cell').filter((c) => /^\d+$/.test(text(c)))).toHaveLength(days);
  });

  it('checks in on tap: POST /checkin, the reward and streak, today marked and the button disabled', async () => {
    wxStub.route('GET /checkin/calendar', 'calendar-empty');
    wxStub.route('POST /checkin', 'checkin');
    const page = renderPage('pages/checkin/checkin');
    await page.instance.onLoad();

    await tap(page, '#checkin-button');

    const posted = wxStub.requests('POST /checkin');
    expect(posted).toHaveLength(1);
    expect(posted[0].header['Idempotency-Key']).toMatch(/\S+/);
    expect(text(page.querySelector('#streak'))).toBe('1');
    expect(text(page.querySelector('#reward'))).toBe('今日已领取 5积分 + 1成长值');
    expect(text(page.querySelector('#checkin-button'))).toBe('今日已签到');
    expect(disabled(page)).toBe(true);
    expect(page.querySelectorAll('.calendar__cell--checked')).toHaveLength(1);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '签到成功 +5积分' }));

    await tap(page, '#checkin-button');
    expect(wxStub.requests('POST /checkin')).toHaveLength(1);
  });

  it('shows a day already checked in with the button disabled', async () => {
    wxStub.route('GET /checkin/calendar', 'calendar');
    const page = renderPage('pages/checkin/checkin');
    await page.instance.onLoad();

    expect(text(page.querySelector('#checkin-button'))).toBe('今日已签到');
    expect(disabled(page)).toBe(true);
    expect(text(page.querySelector('#reward'))).toBe('今日已领取 5积分');
    expect(text(page.querySelector('.calendar__cell--today'))).toBe(String(Number(wxStub.fixture('calendar').data.today.slice(8))));
  });

  it('keeps the button usable after a refused check-in (too frequent) and says so', async () => {
    wxStub.route('GET /checkin/calendar', 'calendar-empty');
    wxStub.route('POST /checkin', 'checkin-rate-limited');
    const page = renderPage('pages/checkin/checkin');
    await page.instance.onLoad();

    await tap(page, '#checkin-button');

    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: `操作太频繁，请${wxStub.fixture('checkin-rate-limited').header['Retry-After']}秒后再试` }));
    expect(disabled(page)).toBe(false);
    expect(wx.hideLoading).toHaveBeenCalled();
  });

  it('shows the error state when the calendar cannot be loaded', async () => {
    wxStub.route('GET /checkin/calendar', { statusCode: 503, header: {}, data: { code: 'CORE_UNAVAILABLE' } });
    const page = renderPage('pages/checkin/checkin');
    await page.instance.onLoad();

    expect(text(page)).toContain('服务繁忙，请稍后再试');
  });
});

const { renderPage, tap, text } = require('../helpers/mp');

async function loaded(invites = 'invites') {
  wxStub.route('POST /invites', 'invite');
  wxStub.route('GET /invites', invites);
  const page = renderPage('pages/invite/invite');
  await page.instance.onLoad();
  return page;
}

describe('invite page', () => {
  it('shows the loading state, then the code and the invitees with their stage and reward', async () => {
    wxStub.route('POST /invites', 'invite');
    wxStub.route('GET /invites', 'invites');
    const page = renderPage('pages/invite/invite');
    const loading = page.instance.onLoad();
    expect(text(page)).toBe('加载中…');
    await loading;

    expect(text(page.querySelector('#code'))).toBe(wxStub.fixture('invite').data.code);
    const friends = text(page.querySelector('#friends'));
    expect(friends).toContain('我邀请的好友（1）');
    expect(friends).toContain('阿**');
    expect(friends).toContain('已注册');
    expect(friends).toContain('+50积分 已到账');
  });

  it('says no friend has accepted yet when the list is empty', async () => {
    const page = await loaded('invites-empty');
    expect(text(page.querySelector('#no-friends'))).toBe('还没有好友接受邀请，快去分享吧');
  });

  it("shares the gateway's title and the path with the code to a chat", async () => {
    const invite = wxStub.fixture('invite').data;
    const page = await loaded();

    expect(page.instance.onShareAppMessage({ from: 'button' })).toEqual({
      title: invite.title,
      path: `/pages/invite/accept?code=${invite.code}`,
    });
  });

  it('downloads the poster with the session and saves it to the album', async () => {
    const invite = wxStub.fixture('invite').data;
    wxStub.route(`GET /invites/${invite.code}/poster.png`, 'invite-poster');
    const page = await loaded();

    await tap(page, '#poster-button');
    expect(wx.downloadFile.mock.calls[0][0].header.Authorization).toBe('Bearer recorded-access-token');
    expect(page.querySelector('#poster')).toBeTruthy();

    await tap(page, '#save-button');
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/poster.png' }));
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册' }));
  });

  it('asks the member to allow the album in the settings when saving was denied', async () => {
    const invite = wxStub.fixture('invite').data;
    wxStub.route(`GET /invites/${invite.code}/poster.png`, 'invite-poster');
    wx.saveImageToPhotosAlbum.mockImplementationOnce((options) =>
      Promise.resolve().then(() => options.fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })),
    );
    const page = await loaded();
    await tap(page, '#poster-button');

    await tap(page, '#save-button');

    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '去设置' }));
    expect(wx.openSetting).toHaveBeenCalled();
  });

  it('shows no poster and the toast when the poster cannot be made', async () => {
    const invite = wxStub.fixture('invite').data;
    wxStub.route(`GET /invites/${invite.code}/poster.png`, 'invite-poster-not-yours');
    const page = await loaded();

    await tap(page, '#poster-button');

    expect(page.querySelector('#poster')).toBeUndefined();
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ icon: 'none' }));
  });

  it('shows the error state when the invite cannot be created', async () => {
    wxStub.route('POST /invites', 'checkin-rate-limited');
    wxStub.route('GET /invites', 'invites');
    const page = renderPage('pages/invite/invite');
    await page.instance.onLoad();

    expect(text(page)).toContain(`操作太频繁，请${wxStub.fixture('checkin-rate-limited').header['Retry-After']}秒后再试`);
    expect(page.instance.onShareAppMessage({ from: 'menu' }).path).toBe('/pages/card/card');
  });
});

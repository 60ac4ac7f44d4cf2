const { renderComponent, tap, text } = require('../helpers/mp');

describe('state-view', () => {
  it('says it is loading while the page loads', () => {
    const comp = renderComponent('state-view', { status: 'loading' });
    expect(text(comp)).toBe('加载中…');
  });

  it('shows the empty text when there is nothing to show', () => {
    const comp = renderComponent('state-view', { status: 'empty', emptyText: '还没有积分记录' });
    expect(text(comp)).toBe('还没有积分记录');
  });

  it('shows the error with a retry button that fires "retry"', async () => {
    const comp = renderComponent('state-view', { status: 'error', errorText: '网络不给力' });
    const retried = jest.fn();
    comp.addEventListener('retry', retried);

    expect(text(comp)).toContain('网络不给力');
    await tap(comp, '.state__retry');

    expect(retried).toHaveBeenCalledTimes(1);
  });

  it('shows nothing of its own once the page is ready', () => {
    const comp = renderComponent('state-view', { status: 'ready' });
    expect(text(comp)).toBe('');
  });
});

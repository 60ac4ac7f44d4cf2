const { renderComponent } = require('../helpers/mp');

describe('progress-bar', () => {
  it('fills the bar to the percentage and shows label and hint', () => {
    const comp = renderComponent('progress-bar', { percent: 90, label: '距金卡会员', hint: '再消费¥300.00' });
    expect(comp.querySelector('.progress__fill').dom.getAttribute('style')).toContain('width: 90%');
    expect(comp.querySelector('.progress__label').dom.textContent).toBe('距金卡会员');
    expect(comp.querySelector('.progress__value').dom.textContent).toBe('90%');
    expect(comp.querySelector('.progress__hint').dom.textContent).toBe('再消费¥300.00');
  });

  it('keeps the fill between 0 and 100', () => {
    const over = renderComponent('progress-bar', { percent: 140 });
    const under = renderComponent('progress-bar', { percent: -5 });
    expect(over.querySelector('.progress__fill').dom.getAttribute('style')).toContain('width: 100%');
    expect(under.querySelector('.progress__fill').dom.getAttribute('style')).toContain('width: 0%');
  });

  it('shows no hint line without a hint', () => {
    const comp = renderComponent('progress-bar', { percent: 10, label: '进度' });
    expect(comp.querySelector('.progress__hint')).toBeUndefined();
  });
});

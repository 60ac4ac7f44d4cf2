const { renderComponent, text } = require('../helpers/mp');

describe('tier-badge', () => {
  it("shows the tier's name in the tier's colour", () => {
    const comp = renderComponent('tier-badge', { code: 'GOLD', name: '金卡会员' });
    const badge = comp.querySelector('.badge');
    expect(text(comp)).toBe('金卡会员');
    expect(badge.dom.className).toContain('badge--gold');
  });

  it('falls back to a plain badge for a tier it does not know', () => {
    const comp = renderComponent('tier-badge', { code: 'PLATINUM_PLUS', name: '黑金会员' });
    expect(comp.querySelector('.badge').dom.className).toContain('badge--plain');
  });
});

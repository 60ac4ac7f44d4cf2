const { inviteCodeFrom } = require('../../utils/invite');

describe('invite codes in a query', () => {
  it('reads the code of a shared card', () => {
    expect(inviteCodeFrom({ code: '55NKJM3BYV' })).toBe('55NKJM3BYV');
  });

  it('reads and decodes the scene of a scanned mini-program code', () => {
    expect(inviteCodeFrom({ scene: encodeURIComponent('55nkjm3byv') })).toBe('55NKJM3BYV');
  });

  it('ignores anything that is not a code, so the login never fails on it', () => {
    expect(inviteCodeFrom({ scene: '%E0%A4%A' })).toBe('');
    expect(inviteCodeFrom({ code: 'a b' })).toBe('');
    expect(inviteCodeFrom({})).toBe('');
    expect(inviteCodeFrom(undefined)).toBe('');
  });
});

const format = require('../../utils/format');

describe('format', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(format.yuan(30000)).toBe('¥300.00');
    expect(format.yuan(123456)).toBe('¥1,234.56');
    expect(format.yuan(5)).toBe('¥0.05');
    expect(format.yuan(-150)).toBe('-¥1.50');
    expect(format.yuan(0)).toBe('¥0.00');
  });

  it('shows instants as dates in the program zone (Asia/Shanghai)', () => {
    expect(format.date('2026-12-31T16:00:00Z')).toBe('2027年1月1日');
    expect(format.dateTime('2026-11-23T22:01:36.598Z')).toBe('2026-11-24 06:01');
    expect(format.date(undefined)).toBe('');
  });

  it('signs ledger points', () => {
    expect(format.signedPoints(2700)).toBe('+2,700');
    expect(format.signedPoints(-150)).toBe('-150');
  });

  it('counts progress to a tier: every condition for ALL, the closest for ANY', () => {
    const spend = { metric: 'SPEND_FEN', current: 270000, required: 300000, met: false };
    const invites = { metric: 'VALID_INVITES', current: 0, required: 1, met: false };
    expect(format.progressPercent([spend, invites], 'ALL')).toBe(45);
    expect(format.progressPercent([spend, invites], 'ANY')).toBe(90);
    expect(format.progressPercent([], 'ALL')).toBe(100);
  });

  it('describes a requirement with its window and money in yuan', () => {
    expect(
      format.requirement({ metric: 'SPEND_FEN', current: 270000, required: 300000, windowDays: 365, met: false }),
    ).toMatchObject({ label: '累计消费（近365天）', progress: '¥2,700.00 / ¥3,000.00', percent: 90, met: false });
  });
});

// A tier's badge: its name on the tier's colour (MEMBER, SILVER, GOLD, DIAMOND; others plain).
const KNOWN = ['member', 'silver', 'gold', 'diamond'];

Component({
  properties: {
    code: { type: String, value: '' },
    name: { type: String, value: '' },
  },
  data: {
    variant: 'plain',
  },
  observers: {
    code(code) {
      const lower = String(code || '').toLowerCase();
      this.setData({ variant: KNOWN.indexOf(lower) >= 0 ? lower : 'plain' });
    },
  },
});

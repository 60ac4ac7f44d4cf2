// A horizontal bar filled to `percent` (0..100) with a label above it and a hint below.
Component({
  properties: {
    percent: { type: Number, value: 0 },
    label: { type: String, value: '' },
    hint: { type: String, value: '' },
  },
  data: {
    width: 0,
  },
  observers: {
    percent(percent) {
      const value = Number(percent) || 0;
      this.setData({ width: Math.max(0, Math.min(100, Math.round(value))) });
    },
  },
});

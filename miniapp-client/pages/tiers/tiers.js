// Every tier, how to reach it, its benefits and points multiplier, and where the member stands.
// GET /tiers.
const api = require('../../utils/request');
const { messageFor } = require('../../utils/errors');

function multiplierText(percent) {
  if (!percent || percent === 100) return '积分1倍';
  return `积分${percent / 100}倍`;
}

function positionOf(tier, currentRank) {
  if (tier.current) return { label: '当前等级', kind: 'current' };
  if (tier.rank < currentRank) return { label: '已达成', kind: 'reached' };
  return { label: '未达成', kind: 'ahead' };
}

function tierView(tier, currentRank) {
  const position = positionOf(tier, currentRank);
  return {
    code: tier.code,
    name: tier.name,
    rule: tier.upgradeRule,
    multiplier: multiplierText(tier.pointsMultiplierPercent),
    benefits: tier.benefits || [],
    position: position.label,
    kind: position.kind,
  };
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    current: '',
    tiers: [],
  },

  onLoad() {
    return this.load();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.load();
  },

  async load() {
    try {
      const tiers = (await api.get('/tiers')).slice().sort((a, b) => a.rank - b.rank);
      const current = tiers.find((t) => t.current);
      const currentRank = current ? current.rank : -1;
      this.setData({
        status: tiers.length ? 'ready' : 'empty',
        current: current ? current.name : '',
        tiers: tiers.map((t) => tierView(t, currentRank)),
      });
    } catch (error) {
      this.setData({ status: 'error', errorText: messageFor(error) });
    }
  },
});

// Daily check-in: this month's calendar, the streak, today's reward and the button (disabled
// once today is done). GET /checkin/calendar, POST /checkin.
const api = require('../../utils/request');
const { messageFor } = require('../../utils/errors');

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** The month as rows of 7 cells (Monday first); blank cells pad the first and last week. */
function monthGrid(month, today, days) {
  const [year, mon] = month.split('-').map(Number);
  const length = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, mon - 1, 1)).getUTCDay() + 6) % 7;
  const checked = {};
  days.forEach((d) => {
    checked[d.day] = d;
  });
  const cells = [];
  for (let i = 0; i < offset; i += 1) cells.push({ key: `pad-${i}`, label: '' });
  for (let d = 1; d <= length; d += 1) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    cells.push({ key: day, label: String(d), checked: Boolean(checked[day]), today: day === today });
  }
  while (cells.length % 7) cells.push({ key: `pad-${cells.length}`, label: '' });
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push({ key: `w${i}`, cells: cells.slice(i, i + 7) });
  return weeks;
}

function rewardText(points, growth) {
  const parts = [`${points}积分`];
  if (growth) parts.push(`${growth}成长值`);
  return `今日已领取 ${parts.join(' + ')}`;
}

function todayReward(calendar) {
  const day = calendar.days.find((d) => d.day === calendar.today);
  if (day) return rewardText(day.points, 0);
  return calendar.checkInEnabled ? '今日签到可领积分，连续签到奖励更多' : '签到活动暂未开启';
}

function buttonText(checkedInToday, enabled) {
  if (!enabled) return '暂未开放';
  return checkedInToday ? '今日已签到' : '立即签到';
}

function randomKey() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

Page({
  data: {
    status: 'loading',
    errorText: '',
    weekdays: WEEKDAYS,
    monthLabel: '',
    weeks: [],
    streak: 0,
    reward: '',
    checkedInToday: false,
    checkInEnabled: false,
    submitting: false,
    buttonText: '',
  },

  onLoad() {
    // one key per visit: a check-in retried after a lost answer gets the same answer back
    this.idempotencyKey = randomKey();
    return this.load();
  },

  onRetry() {
    this.setData({ status: 'loading' });
    return this.load();
  },

  async load() {
    try {
      const calendar = await api.get('/checkin/calendar');
      this.calendar = calendar;
      const [year, month] = calendar.month.split('-');
      this.setData({
        status: 'ready',
        monthLabel: `${year}年${Number(month)}月`,
        weeks: monthGrid(calendar.month, calendar.today, calendar.days),
        streak: calendar.currentStreak,
        reward: todayReward(calendar),
        checkedInToday: calendar.checkedInToday,
        checkInEnabled: calendar.checkInEnabled,
        buttonText: buttonText(calendar.checkedInToday, calendar.checkInEnabled),
      });
    } catch (error) {
      this.setData({ status: 'error', errorText: messageFor(error) });
    }
  },

  async checkIn() {
    if (this.data.checkedInToday || !this.data.checkInEnabled || this.data.submitting) return;
    this.setData({ submitting: true });
    try {
      const result = await api.post('/checkin', undefined, {
        loading: '签到中',
        header: { 'Idempotency-Key': this.idempotencyKey },
      });
      const days = this.calendar.days.concat([{ day: result.day, streak: result.streak, points: result.points }]);
      this.calendar = Object.assign({}, this.calendar, { days });
      this.setData({
        submitting: false,
        checkedInToday: true,
        streak: result.streak,
        reward: rewardText(result.points, result.growth),
        weeks: monthGrid(this.calendar.month, result.day, days),
        buttonText: buttonText(true, true),
      });
      wx.showToast({ title: result.alreadyCheckedIn ? '今天已经签到过了' : `签到成功 +${result.points}积分`, icon: 'none' });
    } catch (error) {
      // the toast was shown by request.js; the button can be tapped again
      this.setData({ submitting: false });
    }
  },
});

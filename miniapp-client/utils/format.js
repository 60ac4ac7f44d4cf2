// Display helpers: money (the API counts fen), dates in the program's zone, requirement lines.
const config = require('../config');

function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 30000 -> "¥300.00", 123456 -> "¥1,234.56", -150 -> "-¥1.50" */
function yuan(fen) {
  const value = Math.round(Number(fen) || 0);
  const abs = Math.abs(value);
  const whole = groupThousands(String(Math.floor(abs / 100)));
  const cents = String(abs % 100).padStart(2, '0');
  return `${value < 0 ? '-' : ''}¥${whole}.${cents}`;
}

/** 2755 -> "2,755"; points and growth are whole numbers */
function count(n) {
  const value = Math.round(Number(n) || 0);
  return `${value < 0 ? '-' : ''}${groupThousands(String(Math.abs(value)))}`;
}

/** +5 / -150 for a ledger line */
function signedPoints(n) {
  return n > 0 ? `+${count(n)}` : count(n);
}

// the instant's wall-clock fields in the program's zone
function zoned(iso) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + config.utcOffsetMinutes * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const two = (n) => String(n).padStart(2, '0');

/** "2026-12-31T16:00:00Z" -> "2027年1月1日" (Asia/Shanghai) */
function date(iso) {
  const z = iso && zoned(iso);
  return z ? `${z.year}年${z.month}月${z.day}日` : '';
}

/** "2026-11-23T22:01:36Z" -> "2026-11-24 06:01" */
function dateTime(iso) {
  const z = iso && zoned(iso);
  return z ? `${z.year}-${two(z.month)}-${two(z.day)} ${two(z.hour)}:${two(z.minute)}` : '';
}

const METRICS = {
  SPEND_FEN: { label: '累计消费', show: yuan },
  GROWTH_VALUE: { label: '成长值', show: count },
  ORDER_COUNT: { label: '订单数', show: (n) => `${count(n)}笔` },
  VALID_INVITES: { label: '有效邀请', show: (n) => `${count(n)}位` },
};

function ratio(r) {
  if (r.met || r.required <= 0) return 1;
  return Math.max(0, Math.min(1, r.current / r.required));
}

/** One requirement as the card shows it: "累计消费 ¥2,700.00 / ¥3,000.00" */
function requirement(r) {
  const metric = METRICS[r.metric] || { label: r.metric, show: count };
  const window = r.windowDays > 0 ? `（近${r.windowDays}天）` : '';
  return {
    metric: r.metric,
    label: `${metric.label}${window}`,
    progress: `${metric.show(r.current)} / ${metric.show(r.required)}`,
    met: Boolean(r.met),
    percent: Math.floor(ratio(r) * 100),
  };
}

/**
 * How far along a set of requirements is, 0..100: with ANY the closest one counts, with ALL
 * each counts the same (¥2,700 of ¥3,000 and 0 of 1 invite is 45%, not 0%).
 */
function progressPercent(requirements, combinator) {
  if (!requirements || requirements.length === 0) return 100;
  const ratios = requirements.map(ratio);
  const value =
    combinator === 'ANY' ? Math.max(...ratios) : ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  return Math.floor(value * 100);
}

module.exports = { yuan, count, signedPoints, date, dateTime, requirement, progressPercent };

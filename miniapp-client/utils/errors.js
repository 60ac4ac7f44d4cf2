// What the member reads when a call fails: one Chinese sentence per error code of the gateway
// (its own messages are for developers and in English).
const MESSAGES = {
  NETWORK: '网络不给力，请检查网络后重试',
  UNAUTHENTICATED: '登录已失效，请重新进入小程序',
  SESSION_EXPIRED: '登录已失效，请重新进入小程序',
  WX_CODE_INVALID: '微信登录失败，请重试',
  WX_CODE_USED: '微信登录失败，请重试',
  WX_LOGIN_FAILED: '微信登录失败，请重试',
  INVALID_ARGUMENT: '提交的内容有误',
  NOT_FOUND: '内容不存在',
  INVITE_NOT_FOUND: '邀请码不存在',
  ALREADY_INVITED: '你已接受过好友的邀请',
  SELF_INVITE: '不能接受自己的邀请',
  INVITE_EXPIRED: '邀请已过期',
  INVITEE_NOT_NEW: '邀请礼包仅限新会员领取',
  INVITE_CYCLE: '不能接受自己所邀请好友的邀请',
  CORE_UNAVAILABLE: '服务繁忙，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务繁忙，请稍后再试',
  WECHAT_LIMITED: '操作太频繁，请稍后再试',
};

const DEFAULT_MESSAGE = '出了点问题，请稍后再试';

/** A failed call: the HTTP status, the gateway's error code, and how long to wait for a 429/503. */
class ApiError extends Error {
  constructor({ statusCode = 0, code = 'NETWORK', message = '', fields = [], requestId = '', retryAfter = 0 }) {
    super(message || code);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

function waitText(seconds) {
  if (!seconds) return '稍后';
  return seconds >= 60 ? `${Math.ceil(seconds / 60)}分钟后` : `${seconds}秒后`;
}

/** The sentence to show for an error (an ApiError or anything else thrown). */
function messageFor(error) {
  if (!error || error.name !== 'ApiError') return DEFAULT_MESSAGE;
  if (error.statusCode === 429) return `操作太频繁，请${waitText(error.retryAfter)}再试`;
  return MESSAGES[error.code] || DEFAULT_MESSAGE;
}

/** The reason text for an invite refusal code (from a login or a 409). */
function inviteReason(code) {
  return MESSAGES[code] || '邀请未能生效';
}

module.exports = { ApiError, messageFor, inviteReason };

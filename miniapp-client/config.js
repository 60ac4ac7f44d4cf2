// Where the mini-program finds the gateway, and the few settings that differ between
// environments. Point baseUrl at your gateway; the default is a gateway started with
// bin/quickstart (sandbox mode) on the machine that runs WeChat DevTools.
module.exports = {
  // the gateway's API root, without a trailing slash
  baseUrl: 'http://127.0.0.1:8080/api/v1',
  // how long one call may take before it counts as a network failure (ms)
  timeout: 10000,
  // lines per page in the points history and the invitee list
  pageSize: 20,
  // how many members the leaderboard shows
  leaderboardTop: 20,
  // WeChat lets one wx.requestSubscribeMessage call ask for at most 3 one-time templates;
  // which templates exist comes from GET /subscriptions (the gateway's configuration)
  maxTemplatesPerRequest: 3,
  // the program's time zone as an offset from UTC in minutes (Asia/Shanghai); dates in the
  // API are instants, and "a day" is a day in this zone
  utcOffsetMinutes: 480,
};

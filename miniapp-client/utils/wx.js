// wx.* callback APIs as promises: wxp('login', {}) resolves with success's result and rejects
// with fail's.
function wxp(api, options) {
  return new Promise((resolve, reject) => {
    wx[api](Object.assign({}, options, { success: resolve, fail: reject }));
  });
}

module.exports = { wxp };

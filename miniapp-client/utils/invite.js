// Invite codes arrive in a page's query: `code` from a shared card's path, or `scene` (URL-encoded)
// from a scanned mini-program code. Anything that is not a code is ignored, so that a bad link
// never stops the login.
const CODE = /^[0-9A-Za-z]{4,32}$/;

function decode(value) {
  try {
    return decodeURIComponent(value);
  } catch (e) {
    return '';
  }
}

/** The invite code in a page's or launch's query, or "". */
function inviteCodeFrom(query) {
  if (!query) return '';
  const raw = query.code || (query.scene ? decode(String(query.scene)) : '');
  const code = String(raw || '').trim();
  return CODE.test(code) ? code.toUpperCase() : '';
}

module.exports = { inviteCodeFrom };

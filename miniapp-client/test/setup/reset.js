// Every test starts with no session, no stubbed routes but login, and fresh wx mocks.
beforeEach(() => {
  jest.clearAllMocks();
  wxStub.reset();
  require('../../utils/request').clearSession();
});

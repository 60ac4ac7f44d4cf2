module.exports = {
  testEnvironment: 'jsdom',
  // wx.* exists only as the stub in test/setup/wx.js
  setupFiles: ['<rootDir>/test/setup/wx.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/reset.js'],
  testMatch: ['<rootDir>/test/**/*.test.js'],
};

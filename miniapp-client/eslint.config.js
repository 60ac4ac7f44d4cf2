const js = require('@eslint/js');
const globals = require('globals');

const rules = {
  complexity: ['error', 10],
  'max-depth': ['error', 3],
  'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
  'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
  eqeqeq: ['error', 'always'],
  'prefer-const': 'error',
  'no-var': 'error',
};

module.exports = [
  { ignores: ['node_modules/**'] },
  js.configs.recommended,
  {
    // the mini-program itself: CommonJS, what the base library runs (ES2018)
    files: ['app.js', 'config.js', 'utils/**/*.js', 'pages/**/*.js', 'components/**/*.js'],
    languageOptions: {
      ecmaVersion: 2018,
      sourceType: 'commonjs',
      globals: {
        ...globals.commonjs,
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        Behavior: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
      },
    },
    rules,
  },
  {
    files: ['test/**/*.js', 'jest.config.js', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.node, ...globals.jest, ...globals.browser, wxStub: 'readonly', wx: 'writable' },
    },
    rules: Object.assign({}, rules, { 'max-lines-per-function': 'off' }),
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    rules: Object.assign({}, rules, { 'max-lines-per-function': 'off' }),
  },
];

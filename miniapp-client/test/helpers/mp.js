// Renders components and pages with miniprogram-simulate. A page is registered as a component:
// Page({...}) is captured and its data, lifecycle handlers and event handlers become the
// component's data and methods, so a test calls page.instance.onLoad(...) as WeChat would.
const path = require('path');
const simulate = require('miniprogram-simulate');

const ROOT = path.resolve(__dirname, '..', '..');

function pageAsComponent(definition) {
  const data = definition.data || {};
  const methods = {};
  Object.keys(definition).forEach((key) => {
    if (typeof definition[key] === 'function') methods[key] = definition[key];
  });
  return { data: JSON.parse(JSON.stringify(data)), methods };
}

global.Page = (definition) => global.Component(pageAsComponent(definition));

// jest keeps its own module registry, so a definition file runs once per test file: load each
// path once and render it as often as needed
const loaded = {};
function load(relativePath) {
  if (!loaded[relativePath]) {
    loaded[relativePath] = simulate.load(path.join(ROOT, relativePath), { rootPath: ROOT, compiler: 'simulate' });
  }
  return loaded[relativePath];
}

function mount(id, properties) {
  const comp = simulate.render(id, properties);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Renders the component at components/<name>/<name> with the given properties. */
function renderComponent(name, properties) {
  return mount(load(`components/${name}/${name}`), properties);
}

/** Renders a page (e.g. "pages/card/card") without calling onLoad. */
function renderPage(pagePath) {
  return mount(load(pagePath));
}

/** Lets every pending promise callback and stubbed wx callback run. */
function flush() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The element `selector` finds; "a >>> b" looks for b inside the custom component a (each
 * component's template is its own tree).
 */
function find(comp, selector) {
  return selector
    .split('>>>')
    .map((part) => part.trim())
    .reduce((node, part) => (node ? node.querySelector(part) : undefined), comp);
}

/** Taps the element that `selector` finds and waits for the handler's promises to settle. */
async function tap(comp, selector) {
  const target = find(comp, selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
  await flush();
}

/** The rendered text of a component or page, whitespace collapsed. */
function text(comp) {
  return comp.dom.textContent.replace(/\s+/g, ' ').trim();
}

module.exports = { renderComponent, renderPage, find, flush, tap, text, ROOT };

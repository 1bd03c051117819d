// The part of Playwright's Page and Locator API the page tests use, over a WebDriver session
// (webdriver.mjs), so that the same test bodies run in Firefox and WebKit as in Chromium.
// Clicks, typing and keys are WebDriver's own input (real events from the browser); reads run
// as scripts in the page. Like Playwright, actions and reads wait (up to 10 s) for their
// element; count() and isVisible() do not. Not a test file.
import fs from 'node:fs';
import { ELEMENT } from './webdriver.mjs';

/** @import { WebDriverSession } from './webdriver.mjs' */

const TIMEOUT = 10_000;
/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// In the page: the elements a chain of CSS selectors reaches, each inside the last's matches
// (`first` keeps the first match of a step), looking into open shadow roots as Playwright does.
const RESOLVE = `
const deepAll = (root, selector) => {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  }
  return found;
};
const resolve = (chain) => {
  let found = [document];
  for (const { selector, first } of chain) {
    found = found.flatMap((root) => deepAll(root, selector));
    if (first) found = found.slice(0, 1);
  }
  return found;
};`;

const VISIBLE = `
const visible = (el) => {
  if (!el || !el.isConnected) return false;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden') return false;
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
};`;

/** WebDriver key codes for Playwright's key names. */
const KEYS = /** @type {Record<string, string>} */ ({
  Tab: '\uE004',
  Enter: '\uE007',
  Control: '\uE009',
  Shift: '\uE008',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Backspace: '\uE003',
});

/**
 * @typedef {{ selector: string, first?: boolean }} Step
 */

export class WebDriverPage {
  /**
   * @param {WebDriverSession} session
   * @param {string[]} [frames]  selectors of the iframes, from the top document, to work in
   */
  constructor(session, frames = []) {
    this.session = session;
    this.frames = frames;
    this.keyboard = {
      /** @param {string} combo  e.g. 'Tab', 'Control+Enter' */
      press: (combo) => this.#pressKeys(combo),
      /** Types text key by key into the focused element ('\n' as Enter). @param {string} text */
      type: (text) => this.#typeText(text),
    };
  }

  /**
   * Runs body in the frame this page works in: `return` gives the result; `args` are its
   * arguments.
   * @param {string} body
   * @param {unknown[]} [args]
   */
  async run(body, args = []) {
    if (this.frames.length === 0) return this.session.execute(body, args);
    await this.session.command('POST', '/frame', { id: null });
    try {
      for (const selector of this.frames) {
        const element = await this.session.execute('return document.querySelector(arguments[0]);', [
          selector,
        ]);
        if (!element) throw new Error(`no frame ${selector}`);
        await this.session.command('POST', '/frame', { id: element });
      }
      return await this.session.execute(body, args);
    } finally {
      await this.session.command('POST', '/frame', { id: null });
    }
  }

  /** @param {string} url */
  async goto(url) {
    await this.session.command('POST', '/url', { url });
  }

  /** The page's URL (the top document's). */
  async url() {
    return /** @type {string} */ (await this.session.command('GET', '/url'));
  }

  /**
   * @template T, A
   * @param {(arg: A) => T} fn
   * @param {A} [arg]
   * @returns {Promise<Awaited<T>>}
   */
  async evaluate(fn, arg) {
    return /** @type {Awaited<T>} */ (await this.run(`return (${fn})(arguments[0]);`, [arg]));
  }

  /**
   * Waits until fn(arg) is truthy in the page.
   * @template A
   * @param {(arg: A) => unknown} fn
   * @param {A} [arg]
   * @param {{ timeout?: number }} [options]
   */
  async waitForFunction(fn, arg, { timeout = TIMEOUT } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > until) throw new Error(`waitForFunction timed out: ${fn}`);
      await sleep(50);
    }
  }

  /**
   * @param {string} selector
   * @param {{ timeout?: number }} [options]
   */
  waitForSelector(selector, options = {}) {
    return this.locator(selector).waitFor(options);
  }

  /**
   * @param {string} selector
   * @param {{ hasText?: string }} [options]
   */
  locator(selector, options = {}) {
    return new WebDriverLocator(this, [{ selector }], options.hasText);
  }

  /** @param {string} selector */
  frameLocator(selector) {
    const frame = new WebDriverPage(this.session, [...this.frames, selector]);
    return { locator: (/** @type {string} */ inner) => frame.locator(inner) };
  }

  /** @param {string} selector */
  click(selector) {
    return this.locator(selector).click();
  }

  /**
   * @param {string} selector
   * @param {string} value
   */
  fill(selector, value) {
    return this.locator(selector).fill(value);
  }

  /** @param {string} selector */
  check(selector) {
    return this.locator(selector).check();
  }

  /**
   * @param {string} selector
   * @param {string} value
   */
  selectOption(selector, value) {
    return this.locator(selector).selectOption(value);
  }

  /** @param {string} selector */
  inputValue(selector) {
    return this.locator(selector).inputValue();
  }

  /** @param {string} selector */
  async focus(selector) {
    await this.locator(selector).evaluate((el) => /** @type {HTMLElement} */ (el).focus());
  }

  /**
   * A screenshot of the viewport (WebDriver has no full-page screenshot).
   * @param {{ path: string }} options
   */
  async screenshot({ path }) {
    const png = /** @type {string} */ (await this.session.command('GET', '/screenshot'));
    fs.writeFileSync(path, Buffer.from(png, 'base64'));
  }

  /** @param {string} combo */
  async #pressKeys(combo) {
    const keys = combo.split('+').map((name) => KEYS[name] ?? name);
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = keys.toReversed().map((value) => ({ type: 'keyUp', value }));
    await this.session.command('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }],
    });
    await this.session.command('DELETE', '/actions');
  }

  /** @param {string} text */
  async #typeText(text) {
    const actions = [...text].flatMap((char) => {
      const value = char === '\n' ? KEYS.Enter : char;
      return [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ];
    });
    await this.session.command('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions }],
    });
    await this.session.command('DELETE', '/actions');
  }
}

export class WebDriverLocator {
  /**
   * @param {WebDriverPage} page
   * @param {Step[]} chain
   * @param {string} [hasText]
   */
  constructor(page, chain, hasText) {
    this.page = page;
    this.chain = chain;
    this.hasText = hasText;
  }

  first() {
    const last = /** @type {Step} */ (this.chain.at(-1));
    return new WebDriverLocator(
      this.page,
      [...this.chain.slice(0, -1), { ...last, first: true }],
      this.hasText,
    );
  }

  /** @param {string} selector */
  locator(selector) {
    return new WebDriverLocator(this.page, [...this.chain, { selector }]);
  }

  /**
   * Runs body with `els` (the matching elements) and `arg`.
   * @param {string} body
   * @param {unknown} [arg]
   */
  #run(body, arg) {
    return this.page.run(
      `${RESOLVE}${VISIBLE}
let els = resolve(arguments[0]);
if (arguments[1] !== null) els = els.filter((el) => el.textContent.includes(arguments[1]));
const arg = arguments[2];
${body}`,
      [this.chain, this.hasText ?? null, arg ?? null],
    );
  }

  /**
   * Waits for a match (a visible one if `visible`), then runs body with `el`, the first.
   * @param {string} body
   * @param {unknown} [arg]
   * @param {{ visible?: boolean, timeout?: number }} [options]
   */
  async #withElement(body, arg, { visible = false, timeout = TIMEOUT } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const result = /** @type {{ found: boolean, value: unknown }} */ (
        await this.#run(
          `const el = els.find((e) => ${visible ? 'visible(e)' : 'true'});
if (!el) return { found: false, value: null };
return { found: true, value: (() => { ${body} })() };`,
          arg,
        )
      );
      if (result.found) return result.value;
      if (Date.now() > until) {
        throw new Error(`no ${visible ? 'visible ' : ''}element for ${this.#describe()}`);
      }
      await sleep(50);
    }
  }

  #describe() {
    const chain = this.chain.map((s) => s.selector).join(' >> ');
    return this.page.frames.length ? `${this.page.frames.join(' >> ')} >> ${chain}` : chain;
  }

  async count() {
    return /** @type {number} */ (await this.#run('return els.length;'));
  }

  async textContent() {
    return /** @type {string | null} */ (await this.#withElement('return el.textContent;'));
  }

  async allTextContents() {
    return /** @type {string[]} */ (await this.#run('return els.map((e) => e.textContent);'));
  }

  /** @param {string} name */
  async getAttribute(name) {
    return /** @type {string | null} */ (
      await this.#withElement('return el.getAttribute(arg);', name)
    );
  }

  async inputValue() {
    return /** @type {string} */ (await this.#withElement('return el.value;'));
  }

  async isVisible() {
    return /** @type {boolean} */ (await this.#run('return els.length > 0 && visible(els[0]);'));
  }

  async isDisabled() {
    return /** @type {boolean} */ (await this.#withElement('return el.disabled === true;'));
  }

  /**
   * @template T, A
   * @param {(el: Element, arg: A) => T} fn
   * @param {A} [arg]
   * @returns {Promise<Awaited<T>>}
   */
  async evaluate(fn, arg) {
    return /** @type {Awaited<T>} */ (await this.#withElement(`return (${fn})(el, arg);`, arg));
  }

  /**
   * @template T, A
   * @param {(els: Element[], arg: A) => T} fn
   * @param {A} [arg]
   * @returns {Promise<Awaited<T>>}
   */
  async evaluateAll(fn, arg) {
    return /** @type {Awaited<T>} */ (await this.#run(`return (${fn})(els, arg);`, arg));
  }

  async scrollIntoViewIfNeeded() {
    await this.#withElement('el.scrollIntoView({ block: "nearest" }); return true;', undefined, {
      visible: true,
    });
  }

  /** @param {{ state?: 'attached' | 'visible', timeout?: number }} [options] */
  async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
    await this.#withElement('return true;', undefined, { visible: state === 'visible', timeout });
  }

  /** The first visible match as a WebDriver element reference. */
  async #element() {
    const element = /** @type {Record<string, string>} */ (
      await this.#withElement('el.scrollIntoView({ block: "center" }); return el;', undefined, {
        visible: true,
      })
    );
    return element[ELEMENT];
  }

  /** Element commands run in the frame the element is in. @param {(id: string) => Promise<unknown>} command */
  async #onElement(command) {
    const session = this.page.session;
    if (this.page.frames.length === 0) return command(await this.#element());
    await session.command('POST', '/frame', { id: null });
    try {
      for (const selector of this.page.frames) {
        const frame = await session.execute('return document.querySelector(arguments[0]);', [
          selector,
        ]);
        await session.command('POST', '/frame', { id: frame });
      }
      const element = /** @type {Record<string, string>} */ (
        await session.execute(
          `${RESOLVE}${VISIBLE}
const el = resolve(arguments[0]).find(visible);
if (el) el.scrollIntoView({ block: 'center' });
return el ?? null;`,
          [this.chain],
        )
      );
      if (!element) throw new Error(`no visible element for ${this.#describe()}`);
      return await command(element[ELEMENT]);
    } finally {
      await session.command('POST', '/frame', { id: null });
    }
  }

  async click() {
    if (this.page.frames.length) await this.waitFor();
    else await this.#waitUntilStable();
    await this.#onElement((id) => this.page.session.command('POST', `/element/${id}/click`, {}));
  }

  /**
   * Scrolls the first visible match into view and waits until it stays put (the same box in
   * three checks, 50 ms apart), as Playwright waits for an element to be stable before a click:
   * WebDriver clicks at coordinates, and a page whose layout shifts meanwhile (a lazily loaded
   * editor, output arriving above) would get the click elsewhere.
   */
  async #waitUntilStable() {
    const until = Date.now() + TIMEOUT;
    let last = '';
    let same = 0;
    while (same < 2 && Date.now() < until) {
      const box = await this.#withElement(
        `el.scrollIntoView({ block: 'center' });
const r = el.getBoundingClientRect();
return [r.x, r.y, r.width, r.height].join();`,
        undefined,
        { visible: true },
      );
      same = box === last ? same + 1 : 0;
      last = /** @type {string} */ (box);
      if (same < 2) await sleep(50);
    }
  }

  /**
   * Replaces the field's value by typing: WebDriver's Element Clear, then its keys.
   * @param {string} value
   */
  async fill(value) {
    await this.#onElement(async (id) => {
      await this.page.session.command('POST', `/element/${id}/clear`, {});
      if (value !== '') {
        await this.page.session.command('POST', `/element/${id}/value`, { text: value });
      }
    });
  }

  async check() {
    const checked = await this.#withElement('return el.checked === true;');
    if (!checked) await this.click();
  }

  /**
   * Selects the option with this value, as Playwright does: sets it, then fires input and change.
   * @param {string} value
   */
  async selectOption(value) {
    const found = await this.#withElement(
      `if (![...el.options].some((o) => o.value === arg)) return false;
el.value = arg;
el.dispatchEvent(new Event('input', { bubbles: true }));
el.dispatchEvent(new Event('change', { bubbles: true }));
return true;`,
      value,
    );
    if (!found) throw new Error(`no option ${value} in ${this.#describe()}`);
  }
}

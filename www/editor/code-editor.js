// A Python code editor: a <textarea> that works at once (and without the editor bundle), then
// becomes CodeMirror 6 (highlighting, auto-indent, bracket matching, history) once its bundle
// has loaded. Ctrl/Cmd+Enter runs the code in both. Tab indents in CodeMirror; Escape then Tab
// leaves the editor, as CodeMirror documents for keyboard users. Where CodeMirror could not
// style itself under the page's CSP (Safari before 16.4), the textarea stays.
//
//   const editor = createCodeEditor(host, { code, label: 'Your code', onRun, onChange });
//   editor.code        the current text
//   editor.upgrade()   loads CodeMirror (idempotent); resolves when it is in place (at once,
//                      leaving the textarea, where it cannot be styled)

import { el } from '../ui/dom.js';

/**
 * @typedef {{ code: string, label: string, onRun: () => void, onChange?: (code: string) => void,
 *   lines?: number }} EditorOptions
 * @typedef {{ readonly code: string, setCode(code: string): void, focus(): void,
 *   upgrade(): Promise<void>, readonly element: HTMLElement }} CodeEditor
 */

/** The CodeMirror bundle, loaded once for every editor on the page. */
let codemirror = /** @type {Promise<typeof import('../vendor/codemirror.js')> | null} */ (null);

/**
 * Whether CodeMirror can style itself here: in a shadow root it adopts constructed style sheets
 * (below). An engine without them (Safari 16.0-16.3: WebKit 2.38) would get <style> elements
 * instead, which the page's CSP blocks, and an editor without its styles.
 */
const CAN_ADOPT_STYLES =
  typeof ShadowRoot === 'function' &&
  'adoptedStyleSheets' in ShadowRoot.prototype &&
  typeof CSSStyleSheet === 'function' &&
  'replaceSync' in CSSStyleSheet.prototype;

function loadCodeMirror() {
  codemirror ??= import('../vendor/codemirror.js');
  return codemirror;
}

/**
 * The editor's look, from the page's CSS variables (they inherit into the shadow root).
 * @param {typeof import('../vendor/codemirror.js')} cm
 */
function editorTheme(cm) {
  return cm.EditorView.theme({
    '&': {
      color: 'var(--fg)',
      backgroundColor: 'var(--panel)',
      fontSize: '0.9rem',
      border: '1px solid var(--border)',
      borderRadius: '6px 6px 0 0',
    },
    '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
    '.cm-content': {
      fontFamily: 'var(--mono)',
      padding: '0.5rem 0',
      caretColor: 'var(--fg)',
    },
    '.cm-gutters': {
      backgroundColor: 'var(--panel)',
      color: 'var(--muted)',
      borderRight: '1px solid var(--border)',
    },
    '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
    '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
    '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  });
}

/** @param {KeyboardEvent} event */
function isRunKey(event) {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/**
 * @param {HTMLElement} host  where the editor goes (its content is replaced)
 * @param {EditorOptions} options
 * @returns {CodeEditor}
 */
export function createCodeEditor(host, { code, label, onRun, onChange = () => {}, lines }) {
  const textarea = /** @type {HTMLTextAreaElement} */ (
    el('textarea', {
      class: 'code-textarea',
      spellcheck: 'false',
      autocapitalize: 'off',
      autocomplete: 'off',
      'aria-label': label,
      rows: lines ?? Math.max(3, code.split('\n').length + 1),
    })
  );
  textarea.value = code;
  textarea.addEventListener('keydown', (event) => {
    if (isRunKey(event)) {
      event.preventDefault();
      onRun();
    }
  });
  textarea.addEventListener('input', () => onChange(textarea.value));
  const wrapper = el('div', { class: 'code-editor' }, textarea);
  host.replaceChildren(wrapper);

  /** @type {import('../vendor/codemirror.js').EditorView | null} */
  let view = null;
  /** @type {Promise<void> | null} */
  let upgrading = null;

  async function upgrade() {
    if (!CAN_ADOPT_STYLES) return; // the textarea stays: it runs code just the same
    const cm = await loadCodeMirror();
    if (view) return;
    const hadFocus = document.activeElement === textarea;
    // Inside a shadow root CodeMirror adopts its styles as constructed style sheets; in the
    // document itself it would add <style> elements, which the page's CSP blocks.
    const shadow = wrapper.attachShadow({ mode: 'open' });
    view = new cm.EditorView({
      parent: shadow,
      root: shadow,
      state: cm.EditorState.create({
        doc: textarea.value,
        extensions: [
          cm.lineNumbers(),
          cm.highlightSpecialChars(),
          cm.history(),
          cm.drawSelection(),
          cm.indentOnInput(),
          cm.bracketMatching(),
          cm.closeBrackets(),
          cm.highlightActiveLine(),
          cm.indentUnit.of('    '),
          cm.syntaxHighlighting(cm.defaultHighlightStyle, { fallback: true }),
          cm.python(),
          cm.keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                onRun();
                return true;
              },
            },
            ...cm.closeBracketsKeymap,
            ...cm.defaultKeymap,
            ...cm.historyKeymap,
            cm.indentWithTab,
          ]),
          cm.EditorView.contentAttributes.of({ 'aria-label': label }),
          editorTheme(cm),
          cm.EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    textarea.remove();
    wrapper.classList.add('is-codemirror');
    if (hadFocus) view.focus();
  }

  return {
    get code() {
      return view ? view.state.doc.toString() : textarea.value;
    },
    setCode(text) {
      if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      else textarea.value = text;
    },
    focus() {
      if (view) view.focus();
      else textarea.focus();
    },
    upgrade() {
      upgrading ??= upgrade();
      return upgrading;
    },
    element: wrapper,
  };
}

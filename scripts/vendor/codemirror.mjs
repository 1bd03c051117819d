// The parts of CodeMirror 6 the page's code editor uses, bundled by scripts/build.sh (esbuild)
// into www/vendor/codemirror.js, and copied as its type declarations (www/vendor/codemirror.d.ts).
export { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
export { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
export { python } from '@codemirror/lang-python';
export {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
export { EditorState } from '@codemirror/state';
export {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';

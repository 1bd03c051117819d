// Python's tokenizer, for the interpreter's parser: source text in, tokens out, with Python's
// INDENT / DEDENT / NEWLINE rules (brackets join lines, blank and comment lines are skipped,
// tabs advance to the next multiple of 8) and CPython 3.11's messages for the mistakes people
// make ("'(' was never closed", "unterminated string literal (detected at line 3)").
//
//   tokenize('x = [1,\n 2]\n')  ->  NAME x, OP =, OP [, NUMBER 1, OP ,, NUMBER 2, OP ], NEWLINE,
//                                   ENDMARKER
//
// String literals are decoded here (escapes, raw strings, implicit nothing else); f-strings keep
// their raw body for the parser, which parses the replacement fields as expressions.

import { PyError, Unsupported } from './errors.js';

/**
 * @typedef {'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER'}
 *   TokenType
 * @typedef {{ kind: 'int', value: bigint } | { kind: 'float', value: number }
 *   | { kind: 'imaginary', text: string }} NumberValue
 * @typedef {{ bytes: boolean, fstring: boolean, raw: boolean, text: string, body: string,
 *   quote: string }} StringValue
 *   text: the decoded value (for f-strings: the raw body, decoded by the parser part by part)
 * @typedef {{ type: TokenType, text: string, line: number, col: number, endLine: number,
 *   endCol: number, number?: NumberValue, string?: StringValue }} Token
 */

/** Operators and delimiters, longest first so that `**=` wins over `**` and `*`. */
const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '>>',
  '<<',
  '<=',
  '>=',
  '==',
  '!=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '<',
  '>',
  '=',
  '.',
  ',',
  ':',
  ';',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '&',
  '|',
  '^',
  '~',
];

const OPENERS = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = { ')': '(', ']': '[', '}': '{' };

const NAME_START = /[\p{L}\p{Nl}_]/u;
const NAME_REST = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])(?=['"])/;
const DIGITS = /[0-9]/;

/** @param {string} message @param {number} line @param {number} col */
function syntaxError(message, line, col, type = 'SyntaxError') {
  const error = new PyError(type, message);
  error.line = line;
  error.col = col;
  return error;
}

/**
 * Splits source into tokens.
 * @param {string} source
 * @returns {Token[]}
 */
export function tokenize(source) {
  return new Tokenizer(source.replace(/\r\n?/g, '\n')).run();
}

class Tokenizer {
  /** @param {string} source */
  constructor(source) {
    this.src = source;
    this.pos = 0;
    this.line = 1;
    this.lineStart = 0;
    /** @type {Token[]} */
    this.tokens = [];
    /** @type {number[]} */
    this.indents = [0];
    /** @type {{ char: string, line: number, col: number }[]} */
    this.brackets = [];
  }

  get col() {
    return this.pos - this.lineStart;
  }

  run() {
    let atLineStart = true;
    while (this.pos < this.src.length) {
      if (atLineStart && this.brackets.length === 0) {
        if (this.indentation()) continue; // a blank or comment-only line
      }
      atLineStart = false;
      const ch = this.src[this.pos];
      if (ch === '\n') {
        this.newline();
        atLineStart = true;
      } else if (ch === ' ' || ch === '\t' || ch === '\f') {
        this.pos++;
      } else if (ch === '#') {
        this.skipComment();
      } else if (ch === '\\') {
        this.continuation();
      } else {
        this.token();
      }
    }
    return this.finish();
  }

  /** Measures the indentation of a new logical line; true when the line is blank. */
  indentation() {
    let width = 0;
    let p = this.pos;
    for (; p < this.src.length; p++) {
      const ch = this.src[p];
      if (ch === ' ') width++;
      else if (ch === '\t') width = (Math.floor(width / 8) + 1) * 8;
      else if (ch === '\f') width = 0;
      else break;
    }
    const next = this.src[p];
    if (
      next === '\n' ||
      next === '#' ||
      next === undefined ||
      (next === '\\' && this.src[p + 1] === '\n')
    ) {
      this.pos = p;
      if (next === '#') this.skipComment();
      if (this.src[this.pos] === '\n') {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (next === '\\') {
        this.pos += 2;
        this.line++;
        this.lineStart = this.pos;
      }
      return true;
    }
    this.pos = p;
    const current = this.indents[this.indents.length - 1];
    if (width > current) {
      this.indents.push(width);
      this.push('INDENT', '', this.line, 0);
    } else {
      while (width < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.push('DEDENT', '', this.line, this.col);
      }
      if (width !== this.indents[this.indents.length - 1]) {
        throw syntaxError(
          'unindent does not match any outer indentation level',
          this.line,
          this.col,
          'IndentationError',
        );
      }
    }
    return false;
  }

  newline() {
    if (this.brackets.length === 0) this.push('NEWLINE', '\n', this.line, this.col);
    this.pos++;
    this.line++;
    this.lineStart = this.pos;
  }

  skipComment() {
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  continuation() {
    if (this.src[this.pos + 1] !== '\n') {
      throw syntaxError(
        'unexpected character after line continuation character',
        this.line,
        this.col,
      );
    }
    this.pos += 2;
    this.line++;
    this.lineStart = this.pos;
    if (this.pos >= this.src.length)
      throw syntaxError('unexpected EOF while parsing', this.line, 0);
  }

  /**
   * @param {TokenType} type @param {string} text @param {number} line @param {number} col
   * @param {Partial<Token>} [extra]
   */
  push(type, text, line, col, extra = {}) {
    this.tokens.push({ type, text, line, col, endLine: this.line, endCol: this.col, ...extra });
  }

  token() {
    const src = this.src;
    const ch = src[this.pos];
    const line = this.line;
    const col = this.col;
    const prefix = STRING_PREFIX.exec(src.slice(this.pos, this.pos + 3));
    if (ch === '"' || ch === "'" || prefix) {
      this.string(prefix ? prefix[0] : '');
      return;
    }
    if (DIGITS.test(ch) || (ch === '.' && DIGITS.test(src[this.pos + 1] ?? ''))) {
      this.number();
      return;
    }
    if (NAME_START.test(ch)) {
      let end = this.pos + 1;
      while (end < src.length && NAME_REST.test(src[end])) end++;
      const text = src.slice(this.pos, end);
      this.pos = end;
      this.push('NAME', text.normalize('NFKC'), line, col);
      return;
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        this.bracket(op, line, col);
        this.push('OP', op, line, col);
        return;
      }
    }
    if (ch === '!') throw syntaxError('invalid syntax', line, col);
    if (ch === '$' || ch === '?' || ch === '`') throw syntaxError('invalid syntax', line, col);
    const code = ch.codePointAt(0) ?? 0;
    const char = String.fromCodePoint(code);
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    throw syntaxError(`invalid character '${char}' (U+${hex})`, line, col);
  }

  /**
   * Tracks bracket nesting, with Python's messages for mismatches.
   * @param {string} op @param {number} line @param {number} col
   */
  bracket(op, line, col) {
    if (op in OPENERS) {
      this.brackets.push({ char: op, line, col });
    } else if (op in CLOSERS) {
      const open = this.brackets.pop();
      if (!open) throw syntaxError(`unmatched '${op}'`, line, col);
      if (open.char !== CLOSERS[/** @type {keyof typeof CLOSERS} */ (op)]) {
        const where = open.line === line ? '' : ` on line ${open.line}`;
        throw syntaxError(
          `closing parenthesis '${op}' does not match opening parenthesis '${open.char}'${where}`,
          line,
          col,
        );
      }
    }
  }

  number() {
    const src = this.src;
    const line = this.line;
    const col = this.col;
    const rest = src.slice(this.pos);
    const match =
      /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*)?\.\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.?(?:[eE][+-]?\d(?:_?\d)*)?)[jJ]?/.exec(
        rest,
      );
    if (!match) throw syntaxError('invalid decimal literal', line, col);
    const text = match[0];
    const after = rest[text.length] ?? '';
    if (NAME_REST.test(after) || after === '_') {
      const kind = /^0[xX]/.test(text)
        ? 'hexadecimal'
        : /^0[oO]/.test(text)
          ? 'octal'
          : /^0[bB]/.test(text)
            ? 'binary'
            : 'decimal';
      if (kind === 'octal' && /[89]/.test(after)) {
        throw syntaxError(`invalid digit '${after}' in octal literal`, line, col);
      }
      if (kind === 'binary' && /[2-9]/.test(after)) {
        throw syntaxError(`invalid digit '${after}' in binary literal`, line, col);
      }
      throw syntaxError(`invalid ${kind} literal`, line, col);
    }
    this.pos += text.length;
    const clean = text.replace(/_/g, '');
    /** @type {NumberValue} */
    let number;
    if (/[jJ]$/.test(clean)) {
      number = { kind: 'imaginary', text };
    } else if (/^0[xXoObB]/.test(clean) || /^\d+$/.test(clean)) {
      if (/^0\d*[1-9]/.test(clean) && !/^0[xXoObB]/.test(clean)) {
        throw syntaxError(
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          line,
          col,
        );
      }
      number = { kind: 'int', value: BigInt(clean) };
    } else {
      number = { kind: 'float', value: Number(clean) };
    }
    this.push('NUMBER', text, line, col, { number });
  }

  /** @param {string} prefix */
  string(prefix) {
    const src = this.src;
    const line = this.line;
    const col = this.col;
    const flags = prefix.toLowerCase();
    this.pos += prefix.length;
    const quote =
      src.startsWith('"""', this.pos) || src.startsWith("'''", this.pos)
        ? src.slice(this.pos, this.pos + 3)
        : src[this.pos];
    this.pos += quote.length;
    const start = this.pos;
    const raw = flags.includes('r');
    for (;;) {
      if (this.pos >= src.length) {
        const what =
          quote.length === 3
            ? 'unterminated triple-quoted string literal'
            : 'unterminated string literal';
        throw syntaxError(`${what} (detected at line ${this.line})`, line, col);
      }
      const ch = src[this.pos];
      if (ch === '\\') {
        if (src[this.pos + 1] === '\n') {
          this.line++;
          this.lineStart = this.pos + 2;
        }
        this.pos += 2;
        continue;
      }
      if (ch === '\n') {
        if (quote.length === 1) {
          throw syntaxError(`unterminated string literal (detected at line ${line})`, line, col);
        }
        this.line++;
        this.lineStart = this.pos + 1;
      }
      if (src.startsWith(quote, this.pos)) break;
      this.pos++;
    }
    const body = src.slice(start, this.pos);
    this.pos += quote.length;
    const fstring = flags.includes('f');
    const bytes = flags.includes('b');
    const text = fstring ? body : decodeString(body, { raw, bytes, line, col });
    this.push('STRING', src.slice(start - quote.length - prefix.length, this.pos), line, col, {
      string: { bytes, fstring, raw, text, body, quote },
    });
  }

  finish() {
    if (this.brackets.length > 0) {
      const open = this.brackets[this.brackets.length - 1];
      throw syntaxError(`'${open.char}' was never closed`, open.line, open.col);
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.type !== 'NEWLINE' && last.type !== 'DEDENT') {
      this.push('NEWLINE', '', this.line, this.col);
    }
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push('DEDENT', '', this.line, 0);
    }
    this.push('ENDMARKER', '', this.line, 0);
    return this.tokens;
  }
}

const SIMPLE_ESCAPES = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Decodes the body of a string literal: escapes unless raw. Bytes literals keep their bytes as
 * the characters U+0000..U+00FF.
 * @param {string} body
 * @param {{ raw: boolean, bytes: boolean, line: number, col: number }} options
 */
export function decodeString(body, { raw, bytes, line, col }) {
  if (bytes && [...body].some((ch) => /** @type {number} */ (ch.codePointAt(0)) > 0x7f)) {
    throw syntaxError('bytes can only contain ASCII literal characters', line, col);
  }
  if (raw) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    i++;
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[/** @type {keyof typeof SIMPLE_ESCAPES} */ (next)];
    } else if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      out += String.fromCodePoint(Number.parseInt(digits, 8));
    } else if (next === 'x' || (!bytes && (next === 'u' || next === 'U'))) {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) {
        const kind = bytes ? 'bytes' : 'unicode error';
        const what =
          next === 'x'
            ? `truncated \\xXX escape`
            : `truncated \\${next}${'X'.repeat(length)} escape`;
        throw syntaxError(
          bytes
            ? `(value error) invalid \\x escape at position ${i - 1}`
            : `(${kind}) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + hex.length}: ${what}`,
          line,
          col,
        );
      }
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += length;
    } else if (next === 'N' && !bytes) {
      throw new Unsupported('the \\N{name} escape', line);
    } else {
      out += `\\${next ?? ''}`; // an unknown escape stays as written (with a warning in Python)
    }
  }
  return out;
}

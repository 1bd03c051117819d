// Reads what a student typed into an R cell's field (a seed, a count) as R would read that
// expression, and words R's errors as R prints them.
//
//   readR('17', { before: 'set.seed(', after: ')' })      { value: { type: 'double', value: 17 }, text: '17' }
//   readR('2^31', ...)                                     value 2147483648, text '2^31'
//   readR('1 7', { before: 'set.seed(', after: ')' })      throws RError: Error: unexpected numeric constant in "set.seed(1 7"
//   readR('abc', ...)                                      throws RError: Error in set.seed(abc) : object 'abc' not found
//
// Supported: numbers (17, 1.5, .5, 1e5, 0x11, 17L), TRUE/T, FALSE/F, NA, NULL, Inf, NaN, pi,
// NA_integer_, NA_real_, ( ), unary + -, and + - * / ^ ** %% %/% with R's precedence (^ above
// unary minus). `text` is the expression as R deparses it in an error's call (2 ** 31 is
// 2^31, 1e10 is 1e+10, 0x11 is 17). Anything else is R's syntax error where the page can word
// it, or a note that the page does not read it. The rules were checked against R 4.2.2.
// Pure: no DOM.
import { formatRNumber } from '../format/r.js';
import { PageLimit } from './limits.js';

/**
 * An R value: a number (NA is NaN), NULL or a string.
 * @typedef {{ type: 'double' | 'integer' | 'logical', value: number }} RNumber
 * @typedef {RNumber | { type: 'NULL' } | { type: 'character', value: string }} RValue
 */
/**
 * The expression tree of a field.
 * @typedef {{ kind: 'number' | 'constant' | 'symbol' | 'string', text: string }
 *   | { kind: 'paren', inner: RNode }
 *   | { kind: 'unary', op: string, operand: RNode }
 *   | { kind: 'binary', op: string, left: RNode, right: RNode }} RNode
 */
/** @typedef {{ kind: string, text: string, start: number, end: number }} RToken */
/**
 * Where a field sits in its line of code (before and after it), and in the call as R deparses
 * it for error messages (callBefore, callAfter; the same by default).
 * @typedef {{ before: string, after?: string, callBefore?: string, callAfter?: string }} RArgumentPlace
 */

/** An error as R prints it: message is the whole text, "Error in call : message". */
export class RError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'RError';
    this.verbatim = true;
  }
}

/**
 * R's error for a failing call: "Error in <call> : <message>", or, when that line would be
 * longer than R allows (73 characters), the message on a second line indented by two spaces.
 * A call of null gives "Error: <message>" (R's allocation errors name no call).
 * @param {string | null} call
 * @param {string} message
 */
export function rError(call, message) {
  if (call === null) return new RError(`Error: ${message}`);
  const firstLine = message.split('\n')[0];
  if (call.length + firstLine.length > 61) return new RError(`Error in ${call} : \n  ${message}`);
  return new RError(`Error in ${call} : ${message}`);
}

/**
 * seedlab's R error (name 'Error') as R prints it for this call; other errors pass unchanged.
 * R's allocation errors name no call ("Error: cannot allocate vector of size ...").
 * @param {string} call
 * @param {unknown} e
 */
export function rCallError(call, e) {
  const error = /** @type {{ name?: string, message: string } | null | undefined} */ (e);
  if (error?.name !== 'Error') return e;
  return rError(/^cannot allocate/.test(error.message) ? null : call, error.message);
}

/** @type {Record<string, RValue>} */
const NAMES = {
  TRUE: { type: 'logical', value: 1 },
  T: { type: 'logical', value: 1 },
  FALSE: { type: 'logical', value: 0 },
  F: { type: 'logical', value: 0 },
  NA: { type: 'logical', value: NaN },
  NULL: { type: 'NULL' },
  Inf: { type: 'double', value: Infinity },
  NaN: { type: 'double', value: NaN },
  pi: { type: 'double', value: Math.PI },
  NA_integer_: { type: 'integer', value: NaN },
  NA_real_: { type: 'double', value: NaN },
};
// R's parser takes these as constants (its syntax errors call them numeric constants).
const CONSTANTS = new Set(['TRUE', 'FALSE', 'NA', 'NULL', 'Inf', 'NaN', 'NA_integer_', 'NA_real_']);

const NUMBER = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)L?/;
const MALFORMED_NUMBER = /^(?:0[xX](?![0-9a-fA-F])|(?:\d+\.?\d*|\.\d+)[eE](?![+-]?\d))/;

/**
 * Tokens with their place in text: { kind, text, start, end }.
 * @param {string} text
 * @returns {RToken[]}
 */
function tokenize(text) {
  /** @type {RToken[]} */
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    /**
     * @param {string} kind
     * @param {number} length
     */
    const push = (kind, length) => {
      tokens.push({ kind, text: rest.slice(0, length), start: i, end: i + length });
      i += length;
    };
    const malformed = MALFORMED_NUMBER.exec(rest);
    if (malformed) {
      // "1e" or "0x": R's lexer stops at the next character.
      const m = malformed;
      tokens.push({ kind: 'input', text: m[0], start: i, end: i + m[0].length + 1 });
      return tokens;
    }
    let m = NUMBER.exec(rest);
    if (m) {
      if (rest[m[0].length] === 'i') throw new NotRead(); // a complex number
      push('number', m[0].length);
      continue;
    }
    m = /^(?:[A-Za-z]|\.(?!\d))[A-Za-z0-9._]*/.exec(rest);
    if (m) {
      push(CONSTANTS.has(m[0]) ? 'constant' : 'symbol', m[0].length);
      continue;
    }
    m = /^(?:\*\*|%%|%\/%|[-+*/^(),=]|"[^"]*"|'[^']*')/.exec(rest);
    if (m) {
      const t = m[0];
      push(
        t[0] === '"' || t[0] === "'" ? 'string' : t === '%%' || t === '%/%' ? 'special' : t,
        t.length,
      );
      continue;
    }
    // Another operator or character ($, :, <, #, ...): more R than this page reads.
    throw new NotRead();
  }
  return tokens;
}

/**
 * How R's syntax errors name a token: "numeric constant", "symbol", "')'", "SPECIAL".
 * @param {{ kind: string }} token
 */
function tokenName(token) {
  switch (token.kind) {
    case 'number':
    case 'constant':
      return 'numeric constant';
    case 'symbol':
      return 'symbol';
    case 'string':
      return 'string constant';
    case 'special':
      return 'SPECIAL';
    case 'input':
      return 'input';
    case '**':
      return "'^'";
    default:
      return `'${token.kind}'`;
  }
}

class Unexpected {
  /** @param {RToken | null} token */
  constructor(token) {
    this.token = token; // null: the end of the field
  }
}

class NotRead {}

/**
 * A recursive-descent parser over R's precedence: + - < * / < %% %/% < unary < ^.
 * @param {RToken[]} tokens
 * @returns {RNode}
 */
function parse(tokens) {
  let i = 0;
  const peek = () => tokens[i];
  /**
   * @param {RToken | undefined} t
   * @param {...string} kinds
   */
  const is = (t, ...kinds) => t && kinds.includes(t.kind);

  /** @returns {RNode} */
  function primary() {
    const t = tokens[i];
    if (!t) throw new Unexpected(null);
    if (
      t.kind === 'number' ||
      t.kind === 'constant' ||
      t.kind === 'symbol' ||
      t.kind === 'string'
    ) {
      i++;
      return { kind: t.kind, text: t.text };
    }
    if (t.kind === '(') {
      i++;
      if (!peek()) throw new NotRead(); // an unclosed "(" runs on into the next lines
      const inner = sum();
      if (!peek()) throw new NotRead();
      if (!is(peek(), ')')) throw new Unexpected(peek());
      i++;
      return { kind: 'paren', inner };
    }
    throw new Unexpected(t);
  }

  /** @returns {RNode} */
  function power() {
    const base = primary();
    if (is(peek(), '^', '**')) {
      i++;
      return { kind: 'binary', op: '^', left: base, right: unary() }; // right-associative
    }
    if (is(peek(), '(')) throw new NotRead(); // a call: 1(2)
    return base;
  }

  /** @returns {RNode} */
  function unary() {
    if (is(peek(), '+', '-')) {
      const op = tokens[i++].kind;
      return { kind: 'unary', op, operand: unary() };
    }
    return power();
  }

  /** @returns {RNode} */
  function special() {
    let v = unary();
    while (is(peek(), 'special')) {
      const op = tokens[i++].text;
      v = { kind: 'binary', op, left: v, right: unary() };
    }
    return v;
  }

  /** @returns {RNode} */
  function product() {
    let v = special();
    while (is(peek(), '*', '/')) {
      const op = tokens[i++].kind;
      v = { kind: 'binary', op, left: v, right: special() };
    }
    return v;
  }

  /** @returns {RNode} */
  function sum() {
    let v = product();
    while (is(peek(), '+', '-')) {
      const op = tokens[i++].kind;
      v = { kind: 'binary', op, left: v, right: product() };
    }
    return v;
  }

  const tree = sum();
  if (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === ',' || t.kind === '=') throw new NotRead(); // more arguments, named ones
    // A ")" that closes the call early: R reads on, and stops at the call's own ")" if the field
    // ends there; anything after it would be more code than one argument.
    if (t.kind === ')') throw i === tokens.length - 1 ? new Unexpected(null) : new NotRead();
    throw new Unexpected(t);
  }
  return tree;
}

/**
 * A number literal's value, as R reads it (17L is an integer when it can be one).
 * @param {string} text
 * @returns {RNumber}
 */
function numberValue(text) {
  let t = text;
  const isLong = t.endsWith('L');
  if (isLong) t = t.slice(0, -1);
  const x = /^0[xX]/.test(t) ? Number.parseInt(t.slice(2), 16) : Number(t);
  if (isLong && Number.isInteger(x) && Math.abs(x) <= 2147483647)
    return { type: 'integer', value: x };
  return { type: 'double', value: x };
}

/**
 * How R deparses an expression into the call of an error message.
 * @param {RNode} node
 * @returns {string}
 */
function deparse(node) {
  switch (node.kind) {
    case 'number': {
      const v = numberValue(node.text);
      return v.type === 'integer' ? `${v.value}L` : formatRNumber(v.value);
    }
    case 'constant':
    case 'symbol':
      return node.text;
    case 'string':
      return JSON.stringify(node.text.slice(1, -1)); // R writes strings in double quotes
    case 'paren':
      return `(${deparse(node.inner)})`;
    case 'unary':
      return node.op + deparse(node.operand);
    default: {
      const spaced = node.op === '+' || node.op === '-' || node.op === '*';
      return spaced
        ? `${deparse(node.left)} ${node.op} ${deparse(node.right)}`
        : `${deparse(node.left)}${node.op}${deparse(node.right)}`;
    }
  }
}

const INT_MAX = 2147483647;

/**
 * @param {RValue} v
 * @returns {RNumber}
 */
function asNumber(v) {
  if (v.type === 'NULL' || v.type === 'character') throw new NotRead(); // beyond this page
  return v;
}

/**
 * @param {number} x
 * @returns {RNumber}
 */
function intResult(x) {
  return { type: 'integer', value: Number.isNaN(x) || Math.abs(x) > INT_MAX ? NaN : x };
}

/**
 * Evaluates the tree: { type: 'double' | 'integer' | 'logical' | 'NULL', value } (NA is NaN).
 * @param {RNode} node
 * @param {(message: string) => Error} fail
 * @returns {RValue}
 */
function evaluate(node, fail) {
  switch (node.kind) {
    case 'number':
      return numberValue(node.text);
    case 'string':
      return { type: 'character', value: node.text.slice(1, -1) };
    case 'constant':
    case 'symbol':
      if (Object.hasOwn(NAMES, node.text)) return NAMES[node.text];
      throw fail(`object '${node.text}' not found`);
    case 'paren':
      return evaluate(node.inner, fail);
    case 'unary': {
      const v = asNumber(evaluate(node.operand, fail));
      if (node.op === '+') return v.type === 'logical' ? { type: 'integer', value: v.value } : v;
      return v.type === 'double' ? { type: 'double', value: -v.value } : intResult(-v.value);
    }
    default: {
      const a = asNumber(evaluate(node.left, fail));
      const b = asNumber(evaluate(node.right, fail));
      const integers = a.type !== 'double' && b.type !== 'double';
      const x = a.value;
      const y = b.value;
      switch (node.op) {
        case '+':
          return integers ? intResult(x + y) : { type: 'double', value: x + y };
        case '-':
          return integers ? intResult(x - y) : { type: 'double', value: x - y };
        case '*':
          return integers ? intResult(x * y) : { type: 'double', value: x * y };
        case '/':
          return { type: 'double', value: x / y };
        case '^':
          return { type: 'double', value: x === 1 || y === 0 ? 1 : x ** y };
        case '%%': {
          if (integers) return intResult(y === 0 ? NaN : x - Math.floor(x / y) * y);
          return { type: 'double', value: y === 0 ? NaN : x - Math.floor(x / y) * y };
        }
        default: {
          // %/%
          if (integers) return intResult(y === 0 ? NaN : Math.floor(x / y));
          return { type: 'double', value: Math.floor(x / y) };
        }
      }
    }
  }
}

/**
 * Reads text as the argument of a call written before(text)after on one line of R code, e.g.
 * before 'set.seed(' and after ')'. Returns { value, text } (text: as R deparses it), or throws
 * an RError with R's message, or a PageLimit. Syntax errors quote the line as typed; other
 * errors name the call as R deparses it: callBefore(text)callAfter, by default the same text.
 * @param {unknown} text
 * @param {RArgumentPlace} place
 * @returns {{ value: RValue | null, text: string }}
 */
export function readR(text, { before, after = ')', callBefore = before, callAfter = after }) {
  const source = String(text);
  try {
    const tokens = tokenize(source);
    if (tokens.length === 0) return { value: null, text: '' }; // a missing argument
    const tree = parse(tokens);
    const deparsed = deparse(tree);
    const call = `${callBefore}${deparsed}${callAfter}`;
    const value = evaluate(tree, (message) => rError(call, message));
    return { value, text: deparsed };
  } catch (e) {
    if (e instanceof Unexpected) {
      // R echoes the line up to the token it did not expect (the call's ")" if the field ended).
      const t = e.token;
      const echo = t
        ? before + source.slice(0, t.end) + (t.end > source.length ? after.slice(0, 1) : '')
        : before + source + after[0];
      const what = t ? tokenName(t) : tokenName({ kind: after[0] });
      return unexpected(what, echo);
    }
    if (e instanceof NotRead) {
      throw new PageLimit('This page reads a number here, such as 17, 2^31 or 0x11.');
    }
    throw e;
  }
}

/**
 * @param {string} what
 * @param {string} echo
 * @returns {never}
 */
function unexpected(what, echo) {
  throw new RError(`Error: unexpected ${what} in "${echo}"`);
}

/**
 * A value as a number for seedlab's R API (as.numeric: NA is NaN, a string is read as a
 * number or is NA), or undefined for NULL.
 * @param {RValue} value
 * @returns {number | undefined}
 */
export function rAsNumber(value) {
  if (value.type === 'NULL') return undefined;
  if (value.type === 'character') {
    const t = value.value.trim();
    return t === '' ||
      !/^[-+]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|Inf)$/.test(t)
      ? NaN
      : Number(t.replace('Inf', 'Infinity'));
  }
  return value.value;
}

/**
 * A canonical text for a field's value: as R deparses it, or as typed when it does not parse.
 * @param {unknown} text
 */
export function rRepr(text) {
  try {
    const { value } = readR(text, { before: '', after: ')' });
    if (value === null) return '';
    return value.type === 'NULL' ? 'NULL' : `${value.type}:${value.value}`;
  } catch {
    return String(text).trim();
  }
}

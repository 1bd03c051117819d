// Reads what a student typed into a field (a seed, a size) as Python would read that expression.
//
//   evalPython('17')          { type: 'int', value: 17n }
//   evalPython('2**32 - 1')   { type: 'int', value: 4294967295n }
//   evalPython('1.5')         { type: 'float', value: 1.5 }
//   evalPython('None')        { type: 'NoneType' }
//   evalPython('[1, 2]')      { type: 'list', items: [{ type: 'int', value: 1n }, ...] }
//   evalPython('017')         throws PythonError('SyntaxError', 'leading zeros in decimal ...')
//   evalPython('abc')         throws PythonError('NameError', "name 'abc' is not defined")
//
// Supported: int literals (decimal, 0x, 0o, 0b, with underscores), float literals, None, True,
// False, [lists], ( ), unary + -, and + - * / // % **. That covers what people type for seeds;
// anything else is a SyntaxError or NameError, as in Python. Pure: no DOM.
import { PageLimit } from './limits.js';

/** @typedef {{ type: 'int', value: bigint }} PyInt */
/** @typedef {{ type: 'float', value: number }} PyFloat */
/** @typedef {{ type: 'bool', value: boolean }} PyBool */
/** @typedef {{ type: 'NoneType' }} PyNone */
/** @typedef {{ type: 'list', items: PyValue[] }} PyList */
/**
 * A Python value as evalPython reads it.
 * @typedef {PyInt | PyFloat | PyBool | PyNone | PyList} PyValue
 */
/** @typedef {{ kind: 'float' | 'int' | 'name' | 'op', text: string }} Token */

/** An exception as Python would raise it: String(e) is "ValueError: message". */
export class PythonError extends Error {
  /**
   * @param {string} type   the exception's class, e.g. 'ValueError'
   * @param {string} message
   */
  constructor(type, message) {
    super(message);
    this.name = type;
  }
}

const syntaxError = (message = 'invalid syntax') => new PythonError('SyntaxError', message);

// Tokens: numbers, names, operators, brackets.
const TOKEN = new RegExp(
  [
    '(?<space>\\s+)',
    '(?<float>(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?' +
      '|\\d(?:_?\\d)*\\.(?:[eE][+-]?\\d(?:_?\\d)*)?' +
      '|\\d(?:_?\\d)*[eE][+-]?\\d(?:_?\\d)*)',
    '(?<int>0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|\\d(?:_?\\d)*)',
    '(?<name>[A-Za-z_][A-Za-z0-9_]*)',
    '(?<op>\\*\\*|//|[-+*/%()\\[\\],])',
  ].join('|'),
  'y',
);

/**
 * @param {string} text
 * @returns {Token[]}
 */
function tokenize(text) {
  /** @type {Token[]} */
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) throw syntaxError();
    const { space, float, int, name, op } = m.groups ?? {};
    if (space) continue;
    if (float) tokens.push({ kind: 'float', text: float });
    else if (int) {
      if (/^0\d*[1-9]/.test(int.replace(/_/g, ''))) {
        throw syntaxError(
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        );
      }
      tokens.push({ kind: 'int', text: int });
    } else if (name) tokens.push({ kind: 'name', text: name });
    else tokens.push({ kind: 'op', text: op });
  }
  return tokens;
}

/**
 * @param {bigint} value
 * @returns {PyInt}
 */
const int = (value) => ({ type: 'int', value });
/**
 * @param {number} value
 * @returns {PyFloat}
 */
const float = (value) => ({ type: 'float', value });
/** @type {PyNone} */
const NONE = Object.freeze({ type: 'NoneType' });

/**
 * Python's int literal, as a BigInt (BigInt understands 0x/0o/0b once underscores are gone).
 * @param {string} text
 */
function intLiteral(text) {
  return BigInt(text.replace(/_/g, ''));
}

const MAX_INT_BITS = 100_000; // far beyond any seed; keeps 10**10**10 from hanging the page

/**
 * @param {bigint} value
 */
function checkSize(value) {
  const bits = (value < 0n ? -value : value).toString(16).length * 4;
  if (bits > MAX_INT_BITS) throw new PageLimit('This integer is too large for this page.');
  return value;
}

/**
 * @param {PyValue} v
 */
function typeName(v) {
  return v.type;
}

/**
 * @param {PyValue} v
 * @returns {v is PyInt | PyFloat | PyBool}
 */
function isNumber(v) {
  return v.type === 'int' || v.type === 'float' || v.type === 'bool';
}

/**
 * int for bool operands, as Python's arithmetic does.
 * @param {PyInt | PyFloat | PyBool} v
 * @returns {PyInt | PyFloat}
 */
function asNumeric(v) {
  return v.type === 'bool' ? int(v.value ? 1n : 0n) : v;
}

/**
 * @param {PyInt | PyFloat} v
 * @param {string} op
 */
function toFloat(v, op) {
  if (v.type === 'float') return v.value;
  const x = Number(v.value);
  if (!Number.isFinite(x)) {
    throw new PythonError(
      'OverflowError',
      op === '/'
        ? 'integer division result too large for a float'
        : 'int too large to convert to float',
    );
  }
  return x;
}

/**
 * @param {bigint} a
 * @param {bigint} b
 */
function pyFloorDivInt(a, b) {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * @param {bigint} a
 * @param {bigint} b
 */
function pyModInt(a, b) {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/**
 * @param {number} a
 * @param {number} b
 */
function pyModFloat(a, b) {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/**
 * @param {string} op
 * @param {PyValue} left
 * @param {PyValue} right
 * @returns {PyValue}
 */
function binary(op, left, right) {
  if (!isNumber(left) || !isNumber(right)) {
    throw new PythonError(
      'TypeError',
      `unsupported operand type(s) for ${op}: '${typeName(left)}' and '${typeName(right)}'`,
    );
  }
  const a = asNumeric(left);
  const b = asNumeric(right);
  if (a.type === 'int' && b.type === 'int' && op !== '/') {
    const x = a.value;
    const y = b.value;
    switch (op) {
      case '+':
        return int(checkSize(x + y));
      case '-':
        return int(checkSize(x - y));
      case '*':
        return int(checkSize(x * y));
      case '//':
        if (y === 0n)
          throw new PythonError('ZeroDivisionError', 'integer division or modulo by zero');
        return int(pyFloorDivInt(x, y));
      case '%':
        if (y === 0n) throw new PythonError('ZeroDivisionError', 'integer modulo by zero');
        return int(pyModInt(x, y));
      case '**': {
        if (y < 0n) {
          if (x === 0n) {
            throw new PythonError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
          }
          return float(Number(x) ** Number(y));
        }
        const absX = x < 0n ? -x : x;
        if (absX > 1n && BigInt(absX.toString(2).length) * y > BigInt(MAX_INT_BITS)) {
          throw new PageLimit('This integer is too large for this page.');
        }
        return int(x ** y);
      }
      default:
        throw syntaxError();
    }
  }
  const x = toFloat(a, op);
  const y = toFloat(b, op);
  switch (op) {
    case '+':
      return float(x + y);
    case '-':
      return float(x - y);
    case '*':
      return float(x * y);
    case '/':
      if (y === 0) {
        throw new PythonError(
          'ZeroDivisionError',
          a.type === 'int' && b.type === 'int' ? 'division by zero' : 'float division by zero',
        );
      }
      return float(x / y);
    case '//':
      if (y === 0) throw new PythonError('ZeroDivisionError', 'float floor division by zero');
      return float(Math.floor(x / y));
    case '%':
      if (y === 0) throw new PythonError('ZeroDivisionError', 'float modulo');
      return float(pyModFloat(x, y));
    case '**': {
      if (x === 0 && y < 0) {
        throw new PythonError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
      }
      const r = x ** y;
      if (Number.isNaN(r)) throw new PageLimit('Complex numbers are not supported on this page.');
      if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
        throw new PythonError('OverflowError', "(34, 'Numerical result out of range')");
      }
      return float(r);
    }
    default:
      throw syntaxError();
  }
}

/**
 * @param {string} op
 * @param {PyValue} v
 * @returns {PyValue}
 */
function unary(op, v) {
  if (!isNumber(v)) {
    throw new PythonError('TypeError', `bad operand type for unary ${op}: '${typeName(v)}'`);
  }
  const n = asNumeric(v);
  if (op === '+') return n;
  return n.type === 'int' ? int(-n.value) : float(-n.value);
}

/**
 * Recursive descent over Python's precedence: sum > term > unary > power > atom.
 * @param {Token[]} tokens
 * @returns {PyValue}
 */
function parse(tokens) {
  let i = 0;
  const peek = () => tokens[i];
  /**
   * @param {Token | undefined} t
   * @param {...string} ops
   */
  const isOp = (t, ...ops) => t && t.kind === 'op' && ops.includes(t.text);
  /** @param {string} op */
  const expect = (op) => {
    if (!isOp(peek(), op)) throw syntaxError();
    i++;
  };

  /** @returns {PyValue} */
  function atom() {
    const t = tokens[i++];
    if (!t) throw syntaxError();
    if (t.kind === 'int') return int(intLiteral(t.text));
    if (t.kind === 'float') return float(Number(t.text.replace(/_/g, '')));
    if (t.kind === 'name') {
      if (t.text === 'None') return NONE;
      if (t.text === 'True') return { type: 'bool', value: true };
      if (t.text === 'False') return { type: 'bool', value: false };
      if (isOp(peek(), '(')) throw syntaxError('function calls are not supported on this page');
      throw new PythonError('NameError', `name '${t.text}' is not defined`);
    }
    if (isOp(t, '(')) {
      const v = sum();
      expect(')');
      return v;
    }
    if (isOp(t, '[')) {
      /** @type {PyValue[]} */
      const items = [];
      while (peek() && !isOp(peek(), ']')) {
        items.push(sum());
        if (isOp(peek(), ',')) i++;
        else break;
      }
      if (!peek()) throw syntaxError("'[' was never closed");
      expect(']');
      return { type: 'list', items };
    }
    throw syntaxError();
  }

  /** @returns {PyValue} */
  function power() {
    const base = atom();
    if (isOp(peek(), '**')) {
      i++;
      return binary('**', base, factor()); // right-associative; -2**2 == -(2**2)
    }
    return base;
  }

  /** @returns {PyValue} */
  function factor() {
    if (isOp(peek(), '+', '-')) {
      const op = tokens[i++].text;
      return unary(op, factor());
    }
    return power();
  }

  /** @returns {PyValue} */
  function term() {
    let v = factor();
    while (isOp(peek(), '*', '/', '//', '%')) {
      const op = tokens[i++].text;
      v = binary(op, v, factor());
    }
    return v;
  }

  /** @returns {PyValue} */
  function sum() {
    let v = term();
    while (isOp(peek(), '+', '-')) {
      const op = tokens[i++].text;
      v = binary(op, v, term());
    }
    return v;
  }

  if (tokens.length === 0) throw syntaxError();
  const v = sum();
  if (i !== tokens.length) throw syntaxError();
  return v;
}

/**
 * Evaluates a Python expression of the supported kinds; throws PythonError or PageLimit.
 * @param {unknown} text
 * @returns {PyValue}
 */
export function evalPython(text) {
  return parse(tokenize(String(text)));
}

/**
 * A canonical text for a value (so '17', '0x11' and '1_7' are the same argument).
 * @param {PyValue} v
 * @returns {string}
 */
export function pythonRepr(v) {
  switch (v.type) {
    case 'int':
      return v.value.toString();
    case 'float':
      return Number.isInteger(v.value) && Math.abs(v.value) < 1e16
        ? v.value.toFixed(1)
        : String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'NoneType':
      return 'None';
    case 'list':
      return '[' + v.items.map(pythonRepr).join(', ') + ']';
    default:
      return '?';
  }
}

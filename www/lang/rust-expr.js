// Reads what a student typed into a Rust cell's field: the u64 argument of
// Pcg64::seed_from_u64(...), as rustc would read it.
//
//   readRustU64('17')        17n
//   readRustU64('0x11')      17n          (also 0o, 0b, underscores, a u64 suffix: 1_000u64)
//   readRustU64('-1')        throws RustError: error[E0600]: cannot apply unary operator `-` to type `u64`
//   readRustU64('1.5')       throws RustError: error[E0308]: mismatched types ...
//
// Supported: one integer literal, optionally negated or parenthesised; anything rustc would
// reject gets rustc's error (its first line, and the label under the code where that says
// more); other expressions are beyond this page. Pure: no DOM.
import { PageLimit } from './limits.js';

/** A compile error, shown as rustc prints it ("error[E0425]: cannot find value ..."). */
export class RustError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'RustError';
    this.verbatim = true; // the message is the whole text to show
  }
}

const U64_MAX = 2n ** 64n - 1n;

/**
 * @param {string} found
 */
function mismatched(found) {
  return new RustError(`error[E0308]: mismatched types\n  expected \`u64\`, found ${found}`);
}

const FLOAT = /^\d[\d_]*(\.[\d_]*)?([eE][+-]?[\d_]*\d[\d_]*)?(_*f(?:32|64))?$/;
const INT = /^(0[xob])?([0-9a-zA-Z_]+?)(_*[iu](?:8|16|32|64|128|size))?$/;

/**
 * One Rust literal (no sign): { kind: 'int', value, suffix }, { kind: 'float', suffix } or null.
 * @param {string} text
 * @returns {{ kind: 'int', value: bigint, suffix: string | null } | { kind: 'float', suffix: string | null } | null}
 */
function literal(text) {
  const f = FLOAT.exec(text);
  if (f && (f[1] !== undefined || f[2] !== undefined || f[3] !== undefined)) {
    return { kind: 'float', suffix: f[3] ? f[3].replace(/^_+/, '') : null };
  }
  if (/^0[xob]_*$/.test(text))
    throw new RustError('error[E0768]: no valid digits found for number');
  const m = INT.exec(text);
  if (!m || (!m[1] && !/^\d/.test(text))) return null;
  const base = { '0x': 16, '0o': 8, '0b': 2 }[m[1]] ?? 10;
  const body = m[2].replace(/_/g, '');
  const digits = '0123456789abcdef'.slice(0, base);
  for (const ch of body.toLowerCase()) {
    if (!digits.includes(ch)) {
      if (base === 10 || !/[0-9]/.test(ch)) return null; // a suffix rustc would name: not read here
      throw new RustError(`error: invalid digit for a base ${base} literal`);
    }
  }
  const prefix = m[1] ?? '';
  return {
    kind: 'int',
    value: BigInt(prefix + body),
    suffix: m[3] ? m[3].replace(/^_+/, '') : null,
  };
}

/**
 * The u64 that text stands for as the argument of a function taking u64 (a BigInt), or a
 * RustError with rustc's message, or a PageLimit for an expression this page does not read.
 * @param {unknown} text
 */
export function readRustU64(text) {
  return readRustInt(text, 'u64');
}

/**
 * An integer literal read as a u64 argument, or as the unsuffixed end of a range (0..n), whose
 * type Rust infers as i32 (negative values allowed): a BigInt, or rustc's error.
 * @param {unknown} text
 * @param {'u64' | 'i32'} [type]
 * @returns {bigint}
 */
export function readRustInt(text, type = 'u64') {
  let t = String(text).trim();
  while (/^\(.*\)$/.test(t)) t = t.slice(1, -1).trim();
  if (t === '') {
    if (type === 'u64')
      throw new RustError(
        'error[E0061]: this function takes 1 argument but 0 arguments were supplied',
      );
    throw notRead(type);
  }
  let negated = false;
  if (t.startsWith('-')) {
    negated = true;
    t = t.slice(1).trim();
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t) && !/^_+$/.test(t)) {
    throw new RustError(`error[E0425]: cannot find value \`${t}\` in this scope`);
  }
  const lit = literal(t);
  if (!lit) throw notRead(type);
  if (type === 'i32') {
    // Only what the page can run as the end of 0..n: an unsuffixed (or i32) integer.
    if (lit.kind !== 'int' || (lit.suffix && lit.suffix !== 'i32')) throw notRead(type);
    if (lit.value > 2n ** 31n - (negated ? 0n : 1n))
      throw new RustError('error: literal out of range for `i32`');
    return negated ? -lit.value : lit.value;
  }
  if (lit.kind === 'float')
    throw mismatched(lit.suffix ? `\`${lit.suffix}\`` : 'floating-point number');
  if (lit.suffix && lit.suffix !== 'u64') throw mismatched(`\`${lit.suffix}\``);
  if (negated) throw new RustError('error[E0600]: cannot apply unary operator `-` to type `u64`');
  if (lit.value > U64_MAX) throw new RustError('error: literal out of range for `u64`');
  return lit.value;
}

/**
 * @param {'u64' | 'i32'} type
 */
function notRead(type) {
  const examples = type === 'u64' ? '17, 0x11 or 1_000u64' : '5 or 1_000';
  return new PageLimit(`This page reads one integer literal here, such as ${examples}.`);
}

/**
 * A canonical text for a field value ('17', '0x11' and '1_7u64' are the same argument).
 * @param {unknown} text
 */
export function rustRepr(text) {
  return String(readRustU64(text));
}

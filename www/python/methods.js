// Methods of the built-in types: str, list, tuple, dict, set, int, float.
// Each is (self, args, kwargs, interp) => Value.

import { bind } from './args.js';
import { indexError, PyError, typeError, valueError } from './errors.js';
import { formatString } from './format-spec.js';
import { listSort } from './list-sort.js';
import { PyDict, PyList, PyObject, PySet, PyTuple } from './objects.js';
import {
  compare,
  equals,
  hashKey,
  isInt,
  iterate,
  keyErrorFor,
  makeSet,
  order,
  repr,
  sequenceIndex,
  str,
  toIndex,
  truthy,
  typeName,
} from './ops.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./objects.js').Kwargs} Kwargs */
/** @typedef {(self: any, args: Value[], kwargs: Kwargs, interp: any) => Value} Method */

/** dict.keys(), .values(), .items(): live views of a dict. */
export class PyDictView extends PyObject {
  /** @param {PyDict} dict @param {'keys' | 'values' | 'items'} kind */
  constructor(dict, kind) {
    super();
    this.dict = dict;
    this.kind = kind;
  }

  /** @override */
  get typeName() {
    // an OrderedDict's views are odict_keys, odict_values, odict_items
    return `${this.dict.typeName === 'OrderedDict' ? 'odict' : 'dict'}_${this.kind}`;
  }

  /** @returns {Value[]} */
  items() {
    const entries = [...this.dict.map.values()];
    if (this.kind === 'keys') return entries.map(([k]) => k);
    if (this.kind === 'values') return entries.map(([, v]) => v);
    return entries.map(([k, v]) => new PyTuple([k, v]));
  }

  iter() {
    return this.items();
  }

  len() {
    return this.dict.map.size;
  }

  /** @param {Value} x */
  contains(x) {
    if (this.kind === 'keys') return this.dict.map.has(hashKey(x));
    return this.items().some((v) => equals(v, x));
  }

  /** @override */
  repr() {
    return `${this.typeName}(${repr(new PyList(this.items()))})`;
  }
}

/**
 * Sorts values in place as CPython's list.sort does (list-sort.js: the same comparisons, in the
 * same order, with Python's `<`); key and reverse as sorted() takes them. The keys are all
 * computed first; reverse=True reverses the list before and after a forward sort (so equal items
 * keep their order), after as well when a comparison raises, as CPython does.
 */
export function sortValues(
  /** @type {Value[]} */ items,
  /** @type {Value} */ key,
  /** @type {Value} */ reverse,
  /** @type {any} */ interp,
) {
  const keys = key === null || key === undefined ? null : items.map((v) => interp.call(key, [v]));
  const lt = (/** @type {Value} */ a, /** @type {Value} */ b) => truthy(compare('<', a, b));
  const desc = reverse !== undefined && truthy(reverse) && items.length > 1;
  if (desc) {
    items.reverse();
    keys?.reverse();
  }
  try {
    if (keys) listSort(keys, items, lt);
    else listSort(items, null, lt);
  } finally {
    if (desc) items.reverse();
  }
}

/** @param {Value} v */
function requireStr(v, what = 'str') {
  if (typeof v !== 'string') throw typeError(`must be ${what}, not ${typeName(v)}`);
  return v;
}

/** Where str.splitlines splits (Python's line boundaries). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's line boundaries include \x1c-\x1e.
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

const WHITESPACE =
  ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** @param {string} s @param {Value} chars @param {boolean} left @param {boolean} right */
function strip(s, chars, left, right) {
  const set = chars === null || chars === undefined ? WHITESPACE : requireStr(chars);
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.includes(s[a])) a++;
  if (right) while (b > a && set.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/** @param {string} s @param {Value} sep @param {Value} maxsplit */
function split(s, sep, maxsplit) {
  const max = maxsplit === undefined ? -1 : Number(toIndex(maxsplit));
  if (sep === null || sep === undefined) {
    const out = [];
    let rest = s.replace(/^\s+/, '');
    while (rest !== '') {
      if (max >= 0 && out.length === max) {
        out.push(rest);
        break;
      }
      const m = /\s+/.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return new PyList(out);
  }
  const separator = requireStr(sep);
  if (separator === '') throw valueError('empty separator');
  const parts = s.split(separator);
  if (max >= 0 && parts.length > max + 1) {
    return new PyList([...parts.slice(0, max), parts.slice(max).join(separator)]);
  }
  return new PyList(parts);
}

/** @type {Record<string, Method>} */
const STR = {
  join(self, args) {
    const [iterable] = args;
    const parts = [];
    for (const item of iterate(iterable)) {
      if (typeof item !== 'string') {
        throw typeError(
          `sequence item ${parts.length}: expected str instance, ${typeName(item)} found`,
        );
      }
      parts.push(item);
    }
    return parts.join(self);
  },
  split: (self, args, kwargs) => {
    const a = bind('split', ['sep=', 'maxsplit='], args, kwargs);
    return split(self, a.sep, a.maxsplit);
  },
  strip: (self, args) => strip(self, args[0], true, true),
  lstrip: (self, args) => strip(self, args[0], true, false),
  rstrip: (self, args) => strip(self, args[0], false, true),
  upper: (self) => self.toUpperCase(),
  lower: (self) => self.toLowerCase(),
  title: (self) =>
    self
      .toLowerCase()
      .replace(
        /(^|[^a-zA-Z])([a-z])/g,
        (/** @type {string} */ _, /** @type {string} */ a, /** @type {string} */ b) =>
          a + b.toUpperCase(),
      ),
  capitalize: (self) => self.charAt(0).toUpperCase() + self.slice(1).toLowerCase(),
  replace(self, args) {
    const old = requireStr(args[0]);
    const replacement = requireStr(args[1]);
    const count = args[2];
    const n = count === undefined ? -1 : Number(toIndex(count));
    if (n < 0) return self.split(old).join(replacement);
    let out = self;
    let start = 0;
    for (let k = 0; k < n; k++) {
      const i = out.indexOf(old, start);
      if (i < 0) break;
      out = out.slice(0, i) + replacement + out.slice(i + old.length);
      start = i + replacement.length + (old === '' ? 1 : 0);
    }
    return out;
  },
  startswith: (self, args) => prefixTest(args[0], (p) => self.startsWith(p)),
  endswith: (self, args) => prefixTest(args[0], (p) => self.endsWith(p)),
  find: (self, args) => BigInt(self.indexOf(requireStr(args[0]))),
  rfind: (self, args) => BigInt(self.lastIndexOf(requireStr(args[0]))),
  index(self, args) {
    const i = self.indexOf(requireStr(args[0]));
    if (i < 0) throw valueError('substring not found');
    return BigInt(i);
  },
  count(self, args) {
    const sub = requireStr(args[0]);
    if (sub === '') return BigInt(self.length + 1);
    return BigInt(self.split(sub).length - 1);
  },
  format: (self, args, kwargs, interp) => formatString(self, args, kwargs, interp),
  center: (self, args) => pad(self, args, 'center'),
  ljust: (self, args) => pad(self, args, 'left'),
  rjust: (self, args) => pad(self, args, 'right'),
  zfill(self, args) {
    const width = Number(toIndex(args[0]));
    const sign = self[0] === '-' || self[0] === '+' ? self[0] : '';
    const body = sign ? self.slice(1) : self;
    return sign + body.padStart(width - sign.length, '0');
  },
  isdigit: (self) => self.length > 0 && /^\p{Nd}+$/u.test(self),
  isnumeric: (self) => self.length > 0 && /^\p{N}+$/u.test(self),
  isalpha: (self) => self.length > 0 && /^\p{L}+$/u.test(self),
  isalnum: (self) => self.length > 0 && /^[\p{L}\p{N}]+$/u.test(self),
  isspace: (self) => self.length > 0 && [...self].every((c) => WHITESPACE.includes(c)),
  isupper: (self) => /\p{Lu}/u.test(self) && !/\p{Ll}/u.test(self),
  islower: (self) => /\p{Ll}/u.test(self) && !/\p{Lu}/u.test(self),
  splitlines: (self) =>
    new PyList(
      self
        .split(LINE_BREAKS)
        .filter(
          (/** @type {string} */ line, /** @type {number} */ i, /** @type {string[]} */ a) =>
            i < a.length - 1 || line !== '',
        ),
    ),
  partition(self, args) {
    const sep = requireStr(args[0]);
    const i = self.indexOf(sep);
    if (i < 0) return new PyTuple([self, '', '']);
    return new PyTuple([self.slice(0, i), sep, self.slice(i + sep.length)]);
  },
};

/** @param {Value} prefix @param {(p: string) => boolean} test */
function prefixTest(prefix, test) {
  if (prefix instanceof PyTuple) return prefix.items.some((p) => test(requireStr(p)));
  if (typeof prefix !== 'string') {
    throw typeError(`startswith first arg must be str or a tuple of str, not ${typeName(prefix)}`);
  }
  return test(prefix);
}

/** @param {string} self @param {Value[]} args @param {'left'|'right'|'center'} how */
function pad(self, args, how) {
  const width = Number(toIndex(args[0]));
  const fill = args[1] === undefined ? ' ' : requireStr(args[1]);
  const n = [...self].length;
  if (width <= n) return self;
  const total = width - n;
  if (how === 'left') return self + fill.repeat(total);
  if (how === 'right') return fill.repeat(total) + self;
  // str.center puts the extra space on the right when the string's length is even... as CPython:
  const left = Math.floor(total / 2) + (total & width & 1);
  return fill.repeat(left) + self + fill.repeat(total - left);
}

/** @type {Record<string, Method>} */
const LIST = {
  append(self, args) {
    if (args.length !== 1)
      throw typeError(`list.append() takes exactly one argument (${args.length} given)`);
    self.items.push(args[0]);
    return null;
  },
  extend(self, args) {
    self.items.push(...iterate(args[0]));
    return null;
  },
  insert(self, args) {
    const n = self.items.length;
    let i = Number(toIndex(args[0]));
    if (i < 0) i = Math.max(0, i + n);
    self.items.splice(Math.min(i, n), 0, args[1]);
    return null;
  },
  pop(self, args) {
    if (self.items.length === 0) throw indexError('pop from empty list');
    const i = args.length
      ? sequenceIndex(args[0], self.items.length, 'pop')
      : self.items.length - 1;
    return self.items.splice(i, 1)[0];
  },
  remove(self, args) {
    const i = self.items.findIndex(
      (/** @type {Value} */ v) => equals(v, args[0]) || truthy(compare('==', v, args[0])),
    );
    if (i < 0) throw valueError('list.remove(x): x not in list');
    self.items.splice(i, 1);
    return null;
  },
  index(self, args) {
    const i = self.items.findIndex((/** @type {Value} */ v) => truthy(compare('==', v, args[0])));
    if (i < 0) throw valueError(`${repr(args[0])} is not in list`);
    return BigInt(i);
  },
  count: (self, args) =>
    BigInt(self.items.filter((/** @type {Value} */ v) => truthy(compare('==', v, args[0]))).length),
  sort(self, args, kwargs, interp) {
    if (args.length) throw typeError('sort() takes no positional arguments');
    const a = bind('sort', ['*', 'key=', 'reverse='], args, kwargs);
    sortValues(self.items, a.key, a.reverse, interp);
    return null;
  },
  reverse(self) {
    self.items.reverse();
    return null;
  },
  copy: (self) => new PyList([...self.items]),
  clear(self) {
    self.items.length = 0;
    return null;
  },
};

/** @type {Record<string, Method>} */
const TUPLE = {
  index(self, args) {
    const i = self.items.findIndex((/** @type {Value} */ v) => truthy(compare('==', v, args[0])));
    if (i < 0) throw valueError('tuple.index(x): x not in tuple');
    return BigInt(i);
  },
  count: (self, args) =>
    BigInt(self.items.filter((/** @type {Value} */ v) => truthy(compare('==', v, args[0]))).length),
};

/** @type {Record<string, Method>} */
const DICT = {
  keys: (self) => new PyDictView(self, 'keys'),
  values: (self) => new PyDictView(self, 'values'),
  items: (self) => new PyDictView(self, 'items'),
  get(self, args) {
    const entry = self.map.get(hashKey(args[0]));
    return entry ? entry[1] : (args[1] ?? null);
  },
  pop(self, args) {
    const k = hashKey(args[0]);
    const entry = self.map.get(k);
    if (!entry) {
      if (args.length > 1) return args[1];
      throw keyErrorFor(args[0]);
    }
    self.map.delete(k);
    return entry[1];
  },
  popitem(self) {
    const last = [...self.map.keys()].pop();
    if (last === undefined) throw keyErrorFor('popitem(): dictionary is empty');
    const [k, v] = self.map.get(last);
    self.map.delete(last);
    return new PyTuple([k, v]);
  },
  setdefault(self, args) {
    const k = hashKey(args[0]);
    if (!self.map.has(k)) self.map.set(k, [args[0], args[1] ?? null]);
    return self.map.get(k)[1];
  },
  update(self, args, kwargs) {
    if (args.length) {
      const other = args[0];
      if (other instanceof PyDict) for (const [k, e] of other.map) self.map.set(k, e);
      else
        for (const pair of iterate(other)) {
          const [k, v] = [...iterate(pair)];
          self.map.set(hashKey(k), [k, v]);
        }
    }
    for (const [k, v] of kwargs) self.map.set(hashKey(k), [k, v]);
    return null;
  },
  copy(self) {
    const d = new PyDict();
    for (const [k, e] of self.map) d.map.set(k, e);
    return d;
  },
  clear(self) {
    self.map.clear();
    return null;
  },
};

/** @type {Record<string, Method>} */
const SET = {
  add(self, args) {
    const k = hashKey(args[0]);
    if (!self.map.has(k)) self.map.set(k, args[0]);
    return null;
  },
  remove(self, args) {
    if (!self.map.delete(hashKey(args[0]))) throw keyErrorFor(args[0]);
    return null;
  },
  discard(self, args) {
    self.map.delete(hashKey(args[0]));
    return null;
  },
  pop(self) {
    const first = self.map.keys().next();
    if (first.done) throw keyErrorFor('pop from an empty set');
    const v = self.map.get(first.value);
    self.map.delete(first.value);
    return v;
  },
  update(self, args) {
    for (const arg of args) for (const v of iterate(arg)) SET.add(self, [v], new Map(), null);
    return null;
  },
  union(self, args) {
    const out = makeSet(self.map.values(), self.frozen);
    for (const arg of args) for (const v of iterate(arg)) SET.add(out, [v], new Map(), null);
    return out;
  },
  intersection(self, args) {
    const other = makeSet(iterate(args[0]));
    return makeSet(
      [...self.map.entries()].filter(([k]) => other.map.has(k)).map(([, v]) => v),
      self.frozen,
    );
  },
  difference(self, args) {
    const other = makeSet(iterate(args[0]));
    return makeSet(
      [...self.map.entries()].filter(([k]) => !other.map.has(k)).map(([, v]) => v),
      self.frozen,
    );
  },
  issubset(self, args) {
    const other = makeSet(iterate(args[0]));
    return [...self.map.keys()].every((k) => other.map.has(k));
  },
  copy: (self) => makeSet(self.map.values(), self.frozen),
  clear(self) {
    self.map.clear();
    return null;
  },
};

/** @type {Record<string, Method>} */
const INT = {
  bit_length(self) {
    const n = typeof self === 'boolean' ? (self ? 1n : 0n) : self;
    return BigInt((n < 0n ? -n : n).toString(2).replace(/^0$/, '').length);
  },
  conjugate: (self) => (typeof self === 'boolean' ? (self ? 1n : 0n) : self),
};

/** @type {Record<string, Method>} */
const FLOAT = {
  is_integer: (self) => Number.isInteger(self),
  conjugate: (self) => self,
  as_integer_ratio(self) {
    if (!Number.isFinite(self)) {
      throw new PyError(
        Number.isNaN(self) ? 'ValueError' : 'OverflowError',
        Number.isNaN(self)
          ? 'cannot convert NaN to integer ratio'
          : 'cannot convert Infinity to integer ratio',
      );
    }
    let num = self;
    let den = 1n;
    while (!Number.isInteger(num)) {
      num *= 2;
      den *= 2n;
    }
    let n = BigInt(num);
    while (den > 1n && n % 2n === 0n) {
      n /= 2n;
      den /= 2n;
    }
    return new PyTuple([n, den]);
  },
};

/** Method tables by built-in type name. */
export const METHODS = /** @type {Record<string, Record<string, Method>>} */ ({
  str: STR,
  list: LIST,
  tuple: TUPLE,
  dict: DICT,
  set: SET,
  int: INT,
  float: FLOAT,
});

void isInt;
void order;
void str;
void PySet;

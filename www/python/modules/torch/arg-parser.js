// torch's PythonArgParser (torch/csrc/utils/python_arg_parser.cpp and invalid_arguments.cpp,
// BSD-3-Clause): how torch functions bind Python arguments to one of their overloads, and the
// exact TypeErrors they raise when none fits ("randint() received an invalid combination of
// arguments - got (int, int, int), but expected one of: ...").
//
// Signatures are written as torch prints them in those errors:
//   new ArgParser('rand', ['(tuple of ints size, *, torch.Generator generator, Tensor out = None, ...)'])
// A parameter without a default is required, even keyword-only ones (that is how torch tells
// the `generator=` overload apart). parse() returns { index, values } with one entry per
// parameter name (undefined when absent or None).

import { PyError, Unsupported } from '../../errors.js';
import { PyList, PyObject, PyTuple } from '../../objects.js';
import { typeName } from '../../ops.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */

const typeError = (/** @type {string} */ m) => new PyError('TypeError', m);

/**
 * Py_TYPE(obj)->tp_name: the type names torch's messages show ('int', 'Tensor', 'torch.Size').
 * @param {Value} v
 */
export function tpName(v) {
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).tpName) === 'string') {
    return /** @type {any} */ (v).tpName;
  }
  return typeName(v);
}

/** Is this a torch.Tensor? (Set by tensor.js, which imports this module.) */
export const hooks = {
  /** @type {(v: Value) => boolean} */
  isTensor: () => false,
  /** @type {(v: Value) => boolean} */
  isGenerator: () => false,
  /** @type {(v: Value) => boolean} */
  isDType: () => false,
  /** @type {(v: Value) => boolean} python's float, int, bool and complex type objects */
  isPythonScalarType: () => false,
};

/** Tensor-valued `other` parameters that take Python numbers too (should_allow_numbers_as_tensors). */
const NUMBERS_AS_TENSORS = new Set([
  'add',
  'add_',
  'div',
  'div_',
  'divide',
  'divide_',
  'mul',
  'mul_',
  'multiply',
  'multiply_',
  'sub',
  'sub_',
  'subtract',
  'subtract_',
  'true_divide',
  'true_divide_',
  'to',
  'copy_',
  'floor_divide',
  'floor_divide_',
]);

const isIntValue = (/** @type {Value} */ v) => typeof v === 'bigint';
const isNumberValue = (/** @type {Value} */ v) =>
  typeof v === 'bigint' || typeof v === 'boolean' || typeof v === 'number';

/** THPUtils_checkIndex: an int (not bool), or an object with __index__ (an integer tensor). */
function checkIndex(/** @type {Value} */ v) {
  if (typeof v === 'boolean') return false;
  if (typeof v === 'bigint') return true;
  return (
    v instanceof PyObject &&
    typeof (/** @type {any} */ (v).index) === 'function' &&
    indexOf(v) !== undefined
  );
}

/** @param {Value} v @returns {bigint | undefined} */
function indexOf(v) {
  try {
    return /** @type {any} */ (v).index();
  } catch {
    return undefined;
  }
}

/** A zero-dim tensor that is not integral... as the DOUBLE check takes tensors. @param {Value} v @param {boolean} integral */
function scalarTensor(v, integral) {
  if (!hooks.isTensor(v)) return false;
  const t = /** @type {any} */ (v);
  if (t.requiresGrad || t.ndim !== 0) return false;
  return integral ? t.dtype.isIntegral : true;
}

class Parameter {
  /** @param {string} text  'tuple of ints size = None' @param {boolean} keywordOnly @param {string} fname */
  constructor(text, keywordOnly, fname) {
    const eq = text.indexOf(' = ');
    const decl = eq >= 0 ? text.slice(0, eq) : text;
    this.defaultText = eq >= 0 ? text.slice(eq + 3) : null;
    const space = decl.lastIndexOf(' ');
    this.type = decl.slice(0, space);
    this.name = decl.slice(space + 1);
    this.optional = this.defaultText !== null;
    // Generator? generator and int[1]? dim take None though torch prints no default for them.
    this.allowNone =
      this.defaultText === 'None' ||
      this.type === 'torch.Generator' ||
      (this.type === 'tuple of ints' && this.name === 'dim');
    this.keywordOnly = keywordOnly;
    // int[1] dim: a single int stands for a one-element list.
    this.size = this.type === 'tuple of ints' && this.name === 'dim' ? 1 : 0;
    this.numbersAsTensors = NUMBERS_AS_TENSORS.has(fname);
    /** the parameter's position in its signature (torch's error messages count it) */
    this.index = 0;
  }

  /** FunctionParameter::check. @param {Value} v @returns {{ ok: boolean, failedIdx?: number }} */
  check(v) {
    switch (this.type) {
      case 'Tensor':
        if (hooks.isTensor(v)) return { ok: true };
        return { ok: this.numbersAsTensors && isNumberValue(v) };
      case 'Number':
        return { ok: isNumberValue(v) || scalarTensor(v, false) };
      case 'float':
        return { ok: isNumberValue(v) || scalarTensor(v, false) };
      case 'int':
        return { ok: isIntValue(v) || scalarTensor(v, true) };
      case 'bool':
        return { ok: typeof v === 'boolean' };
      case 'tuple of ints':
        return isIntList(v, this.size);
      case 'torch.Generator':
        return { ok: hooks.isGenerator(v) };
      case 'torch.dtype':
        return { ok: hooks.isDType(v) || hooks.isPythonScalarType(v) };
      case 'torch.device':
        return { ok: isIntValue(v) || typeof v === 'string' || tpName(v) === 'torch.device' };
      case 'torch.layout':
        return { ok: tpName(v) === 'torch.layout' };
      case 'torch.memory_format':
        return { ok: tpName(v) === 'torch.memory_format' };
      case 'str':
        return { ok: typeof v === 'string' };
      case 'object':
        return { ok: true };
      case 'name':
        return { ok: typeof v === 'string' };
      case 'tuple of names':
        return {
          ok:
            (v instanceof PyTuple || v instanceof PyList) &&
            v.items.every((x) => typeof x === 'string'),
        };
      case 'tuple of Tensors':
        return { ok: isTensorList(v, this.index) };
      default:
        throw new Error(`unknown parameter type ${this.type}`);
    }
  }
}

/** is_int_list: a tuple or list whose first item is an int (the rest are checked on unpacking). @param {Value} v @param {number} size */
function isIntList(v, size) {
  if (v instanceof PyTuple || v instanceof PyList) {
    if (v.items.length === 0) return { ok: true };
    return checkIndex(v.items[0]) ? { ok: true } : { ok: false, failedIdx: 0 };
  }
  return { ok: size > 0 && isIntValue(v) };
}

/** is_tensor_list_and_append_overloaded with throw_error: a non-tensor item is a TypeError. @param {Value} v @param {number} argnum */
function isTensorList(v, argnum) {
  if (!(v instanceof PyTuple || v instanceof PyList)) return false;
  v.items.forEach((x, i) => {
    if (!hooks.isTensor(x)) {
      throw typeError(
        `expected Tensor as element ${i} in argument ${argnum}, but got ${tpName(x)}`,
      );
    }
  });
  return true;
}

class Signature {
  /** @param {string} fname @param {string} text '(Tensor input, *, torch.dtype dtype = None)' @param {boolean} hidden */
  constructor(fname, text, hidden) {
    this.name = fname;
    this.text = text;
    this.hidden = hidden;
    /** @type {Parameter[]} */
    this.params = [];
    const body = text.slice(1, -1);
    let keywordOnly = false;
    for (const part of body === '' ? [] : body.split(', ')) {
      if (part === '*') keywordOnly = true;
      else {
        const p = new Parameter(part, keywordOnly, fname);
        p.index = this.params.length;
        this.params.push(p);
      }
    }
    this.maxArgs = this.params.length;
    this.minArgs = this.params.filter((p) => !p.optional).length;
    this.maxPosArgs = this.params.filter((p) => !p.keywordOnly).length;
  }

  /**
   * FunctionSignature::parse: binds args or returns null (or throws, when `raise`).
   * @param {Value[]} args @param {Kwargs} kwargs @param {boolean} raise
   * @returns {Record<string, Value | undefined> | null}
   */
  parse(args, kwargs, raise) {
    const nargs = args.length;
    let remainingKwargs = kwargs.size;
    const first = this.params[0];
    const allowVarargsIntList = this.maxPosArgs === 1 && first.type === 'tuple of ints';
    if (nargs > this.maxPosArgs && !allowVarargsIntList) {
      if (raise) throw this.extraArgs(nargs);
      return null;
    }
    /** @type {Record<string, Value | undefined>} */
    const out = {};
    let argPos = 0;
    for (let i = 0; i < this.params.length; i++) {
      const param = this.params[i];
      /** @type {Value | undefined} */
      let obj;
      let isKwd = false;
      if (argPos < nargs) {
        if (param.keywordOnly) {
          if (raise) throw this.extraArgs(nargs);
          return null;
        }
        obj = args[argPos];
      } else {
        obj = kwargs.get(param.name);
        if (obj === undefined) {
          for (const alias of NUMPY_NAMES[param.name] ?? []) {
            if (obj === undefined) obj = kwargs.get(alias);
          }
        }
        isKwd = true;
      }
      const varargsEligible = allowVarargsIntList && argPos === 0 && !isKwd;
      if ((obj === undefined && param.optional) || (obj === null && param.allowNone)) {
        out[param.name] = undefined;
      } else if (obj === undefined) {
        if (raise) throw this.missingArgs(i);
        return null;
      } else {
        const check = param.check(obj);
        if (check.ok) {
          out[param.name] = obj;
        } else if (varargsEligible && isIntList(new PyTuple(args), param.size).ok) {
          // permute(1, 2, 3) is permute((1, 2, 3)); rand(2, 3) is rand((2, 3)).
          out[param.name] = new PyTuple([...args]);
          argPos = nargs;
          continue;
        } else if (raise) {
          if (isKwd) {
            throw typeError(
              `${this.name}(): argument '${param.name}' must be ${param.type}, not ${tpName(obj)}`,
            );
          }
          // several positional arguments that do not make a list of ints: too many arguments
          if (varargsEligible && nargs > this.maxPosArgs) throw this.extraArgs(nargs);
          const failedIdx = check.failedIdx ?? -1;
          const seq = obj;
          if (failedIdx !== -1) {
            const item = /** @type {PyTuple} */ (seq).items[failedIdx];
            throw typeError(
              `${this.name}(): argument '${param.name}' (position ${argPos + 1}) must be ${param.type}, but found element of type ${tpName(item)} at pos ${failedIdx}`,
            );
          }
          throw typeError(
            `${this.name}(): argument '${param.name}' (position ${argPos + 1}) must be ${param.type}, not ${tpName(obj)}`,
          );
        } else {
          return null;
        }
      }
      if (!isKwd) argPos++;
      else if (obj !== undefined) remainingKwargs--;
    }
    if (remainingKwargs > 0) {
      if (raise) throw this.extraKwargs(kwargs, nargs);
      return null;
    }
    return out;
  }

  /** @param {number} nargs */
  extraArgs(nargs) {
    const { maxPosArgs, minArgs } = this;
    if (minArgs !== maxPosArgs) {
      return typeError(
        `${this.name}() takes from ${minArgs} to ${maxPosArgs} positional arguments but ${nargs} were given`,
      );
    }
    return typeError(
      `${this.name}() takes ${maxPosArgs} positional argument${maxPosArgs === 1 ? '' : 's'} but ${nargs} ${nargs === 1 ? 'was' : 'were'} given`,
    );
  }

  /** @param {number} idx */
  missingArgs(idx) {
    const names = this.params
      .slice(idx)
      .filter((p) => !p.optional)
      .map((p) => `"${p.name}"`);
    // torch's message says "arguments" for one and "argument" for several (sic).
    return typeError(
      `${this.name}() missing ${names.length} required positional argument${names.length === 1 ? 's' : ''}: ${names.join(', ')}`,
    );
  }

  /** @param {Kwargs} kwargs @param {number} nargs */
  extraKwargs(kwargs, nargs) {
    for (const key of kwargs.keys()) {
      const idx = this.params.findIndex((p) => p.name === key);
      if (idx < 0) return typeError(`${this.name}() got an unexpected keyword argument '${key}'`);
      if (idx < nargs) return typeError(`${this.name}() got multiple values for argument '${key}'`);
    }
    return typeError('invalid keyword arguments');
  }
}

/** NumPy-style keyword aliases torch accepts (numpy_compatibility_arg_names). */
const NUMPY_NAMES = /** @type {Record<string, string[]>} */ ({
  dim: ['axis'],
  keepdim: ['keepdims'],
  input: ['x', 'a', 'x1'],
  other: ['x2'],
});

export class ArgParser {
  /**
   * @param {string} name  the function's name in messages ('randint')
   * @param {string[]} signatures  as torch prints them, in torch's order
   * @param {string[]} [hidden]  overloads torch has but does not print (matched, never listed)
   */
  constructor(name, signatures, hidden = []) {
    this.name = name;
    this.signatures = signatures.map((s) => new Signature(name, s, false));
    this.hidden = hidden.map((s) => new Signature(name, s, true));
  }

  /**
   * Binds the call to the first overload that fits, or raises torch's TypeError.
   * @param {Value[]} args @param {Kwargs} kwargs
   * @returns {{ index: number, values: Record<string, Value | undefined> }}
   *   index: the overload's position in `signatures` (hidden ones follow)
   */
  parse(args, kwargs) {
    const all = [...this.signatures, ...this.hidden];
    if (all.length === 1) {
      return {
        index: 0,
        values: /** @type {Record<string, Value | undefined>} */ (all[0].parse(args, kwargs, true)),
      };
    }
    for (let i = 0; i < all.length; i++) {
      const values = all[i].parse(args, kwargs, false);
      if (values) return { index: i, values };
    }
    // print_error: when exactly one overload takes this many arguments, its own message.
    const numArgs = args.length + kwargs.size;
    const plausible = this.signatures.filter((s) => numArgs >= s.minArgs && numArgs <= s.maxArgs);
    if (plausible.length === 1) plausible[0].parse(args, kwargs, true);
    throw typeError(
      formatInvalidArgs(
        args,
        kwargs,
        `${this.name}()`,
        this.signatures.map((s) => s.text),
      ),
    );
  }
}

// --- invalid_arguments.cpp -----------------------------------------------------------------------

/** The kwargs in the order torch's std::unordered_map visits them (newest first). @param {Kwargs} kwargs */
function unorderedKwargs(kwargs) {
  return [...kwargs].reverse();
}

/** The "type name" of each argument of a printed option, parsed as _parseOption does (quirks included). @param {string} option */
function parseOption(option) {
  const body = option.slice(1, -1);
  return body.split(', ').map((arg) => {
    const space = arg.lastIndexOf(' ');
    const name = arg.slice(space + 1);
    let typeEnd = space === -1 ? arg.length : space;
    if (arg.includes('...')) typeEnd -= 4;
    return { name, type: arg.slice(0, typeEnd) };
  });
}

/** @param {string} type @param {Value} v */
function typeMatches(type, v) {
  const t = tpName(v);
  if (type === 'float') return t === 'float' || t === 'int' || t === 'long';
  if (type === 'int') return t === 'int' || t === 'long';
  return t === type;
}

/** @param {Value} v */
function describe(v) {
  if (v instanceof PyTuple || v instanceof PyList) {
    const inner = v.items.map(tpName).join(', ');
    if (v instanceof PyTuple) return `${tpName(v)} of (${inner}${v.items.length === 1 ? ',' : ''})`;
    return `list of [${inner}]`;
  }
  return tpName(v);
}

/** @param {Value[]} args @param {Kwargs} kwargs */
function argDesc(args, kwargs) {
  let out = '(';
  for (const a of args) out += `${tpName(a)}, `;
  for (const [k, v] of unorderedKwargs(kwargs)) out += `${k}=${tpName(v)}, `;
  if (args.length > 0) out = out.slice(0, -2);
  return `${out})`;
}

/** @param {{ name: string, type: string }[]} option @param {Value[]} args @param {Kwargs} kwargs */
function formattedArgDesc(option, args, kwargs) {
  const numArgs = args.length + kwargs.size;
  let out = '(';
  for (let i = 0; i < numArgs; i++) {
    const isKwarg = i >= args.length;
    let arg;
    if (isKwarg) {
      arg = kwargs.get(option[i].name);
      // torch looks the keyword up by the option's i-th parameter name: a miss is a C++
      // std::out_of_range inside its error formatting.
      if (arg === undefined) throw new Unsupported('this combination of wrong arguments');
    } else arg = args[i];
    const matching = i < option.length && typeMatches(option[i].type, arg);
    out += matching ? '' : '!';
    if (isKwarg) out += `${option[i].name}=`;
    out += describe(arg);
    out += matching ? '' : '!';
    out += ', ';
  }
  if (args.length > 0) out = out.slice(0, -2);
  return `${out})`;
}

/** @param {{ name: string }[]} option @param {Value[]} args @param {Kwargs} kwargs */
function argcountMatch(option, args, kwargs) {
  return args.length + kwargs.size === option.length;
}

/** @param {{ name: string }[]} option @param {Kwargs} kwargs */
function tryMatchKwargs(option, kwargs) {
  const start = Math.max(0, option.length - kwargs.size);
  const unmatched = [];
  for (const [key] of unorderedKwargs(kwargs)) {
    if (!option.slice(start).some((a) => a.name === key)) unmatched.push(key);
  }
  return unmatched;
}

/**
 * torch::format_invalid_args.
 * @param {Value[]} args @param {Kwargs} kwargs @param {string} fname 'rand()' @param {string[]} options
 */
export function formatInvalidArgs(args, kwargs, fname, options) {
  let msg = `${fname} received an invalid combination of arguments - `;
  const hasKwargs = kwargs.size > 0;
  if (options.length === 1) {
    const option = parseOption(options[0]);
    const unmatched = hasKwargs ? tryMatchKwargs(option, kwargs) : [];
    if (unmatched.length > 0) {
      msg += `got unrecognized keyword arguments: ${unmatched.join(', ')}`;
    } else {
      msg += 'got ';
      msg += argcountMatch(option, args, kwargs)
        ? formattedArgDesc(option, args, kwargs)
        : argDesc(args, kwargs);
      msg += `, but expected ${options[0]}`;
    }
    return msg;
  }
  msg += `got ${argDesc(args, kwargs)}, but expected one of:\n`;
  for (const text of options) {
    const option = parseOption(text);
    msg += ` * ${text}\n`;
    if (argcountMatch(option, args, kwargs)) {
      const unmatched = hasKwargs ? tryMatchKwargs(option, kwargs) : [];
      if (unmatched.length > 0) {
        msg += `      didn't match because some of the keywords were incorrect: ${unmatched.join(', ')}\n`;
      } else {
        msg += `      didn't match because some of the arguments have invalid types: ${formattedArgDesc(option, args, kwargs)}\n`;
      }
    }
  }
  return msg;
}

// --- unpacking (PythonArgs::intlist, toInt64, ...) ------------------------------------------------

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * THPUtils_unpackLong: an int that fits a C int64, else ValueError.
 * @param {Value} v @returns {bigint}
 */
export function unpackLong(v) {
  let n;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'boolean') n = v ? 1n : 0n;
  else if (hooks.isTensor(v)) n = /** @type {any} */ (v).index();
  else n = indexOf(v);
  if (n === undefined) throw typeError(`expected int, got ${tpName(v)}`);
  if (n < INT64_MIN || n > INT64_MAX)
    throw new PyError('ValueError', 'Overflow when unpacking long long');
  return n;
}

/**
 * PythonArgs::intlist: the ints of a bound `tuple of ints` argument. With `position`, the
 * argument has not been through a signature's matching yet (a layer's torch.empty((out, in))):
 * torch's matching looks at the first item only, with its own message.
 * @param {string} fname @param {string} pname @param {Value} v @param {number} [position]
 * @returns {bigint[]}
 */
export function unpackIntList(fname, pname, v, position) {
  const items = v instanceof PyTuple || v instanceof PyList ? v.items : [v];
  const sequence = v instanceof PyTuple || v instanceof PyList;
  if (position !== undefined && sequence && !isIntList(v, 0).ok) {
    throw typeError(
      `${fname}(): argument '${pname}' (position ${position}) must be tuple of ints, but found element of type ${tpName(items[0])} at pos 0`,
    );
  }
  return items.map((item, i) => {
    if (
      !(
        typeof item === 'bigint' ||
        typeof item === 'boolean' ||
        (item instanceof PyObject && indexOf(item) !== undefined)
      )
    ) {
      throw typeError(
        `${fname}(): argument '${pname}' failed to unpack the object at pos ${i + 1} with error "type must be tuple of ints,but got ${tpName(item)}"`,
      );
    }
    const n =
      typeof item === 'bigint'
        ? item
        : typeof item === 'boolean'
          ? item
            ? 1n
            : 0n
          : /** @type {bigint} */ (indexOf(item));
    if (n < INT64_MIN || n > INT64_MAX) {
      // torch appends a C++ stack trace (with this machine's addresses) to this message.
      throw typeError(
        `${fname}(): argument '${pname}' failed to unpack the object at pos ${i + 1} with error "Overflow when unpacking long long`,
      );
    }
    return n;
  });
}

// Binding a call's positional and keyword arguments to a JS-implemented function's parameters,
// with Python's errors ("randn() got an unexpected keyword argument 'sizes'").
//
//   const { low, high, size } = bind('randint', ['low', 'high=', 'size=', 'dtype='], args, kwargs);
//
// A parameter spec is a name; `name=` marks it optional (undefined when not given); a lone `*`
// makes the rest keyword-only; `*name` collects extra positional arguments; `**name` extra
// keywords. Positional-only parameters end with `/` in the list, as in Python.

import { typeError } from './errors.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./objects.js').Kwargs} Kwargs */

/** @type {Map<string, ReturnType<typeof compile>>} */
const compiled = new Map();

/** @param {string[]} spec */
function compile(spec) {
  const params = [];
  let keywordOnly = false;
  let positionalOnly = false;
  let varargs = null;
  let varkw = null;
  for (const p of spec) {
    if (p === '*') keywordOnly = true;
    else if (p === '/') positionalOnly = true;
    else if (p.startsWith('**')) varkw = p.slice(2);
    else if (p.startsWith('*')) {
      varargs = p.slice(1);
      keywordOnly = true;
    } else {
      const optional = p.endsWith('=');
      params.push({
        name: optional ? p.slice(0, -1) : p,
        optional,
        keywordOnly,
        positionalOnly: false,
      });
    }
    if (positionalOnly) {
      for (const q of params) q.positionalOnly = true;
      positionalOnly = false;
    }
  }
  return { params, varargs, varkw };
}

/**
 * Binds args and kwargs to the parameters of `spec`.
 * @param {string} fname  the function's name in messages, without ()
 * @param {string[]} spec
 * @param {Value[]} args
 * @param {Kwargs} kwargs
 * @returns {Record<string, any>}  every parameter name -> value (undefined if optional and absent);
 *   the *name and **name parameters hold a Value[] and a Kwargs
 */
export function bind(fname, spec, args, kwargs) {
  const key = spec.join('\u0000');
  let sig = compiled.get(key);
  if (!sig) {
    sig = compile(spec);
    compiled.set(key, sig);
  }
  const { params, varargs, varkw } = sig;
  /** @type {Record<string, any>} */
  const out = {};
  const positional = params.filter((p) => !p.keywordOnly);
  if (args.length > positional.length && !varargs) {
    const max = positional.length;
    throw typeError(
      `${fname}() takes ${positional.every((p) => !p.optional) ? '' : 'at most '}${max} positional argument${max === 1 ? '' : 's'} (${args.length} given)`,
    );
  }
  positional.forEach((p, i) => {
    if (i < args.length) out[p.name] = args[i];
  });
  if (varargs) out[varargs] = args.slice(positional.length);
  /** @type {Kwargs} */
  const extra = new Map();
  for (const [name, value] of kwargs) {
    const p = params.find((q) => q.name === name && !q.positionalOnly);
    if (!p) {
      if (varkw) {
        extra.set(name, value);
        continue;
      }
      throw typeError(`${fname}() got an unexpected keyword argument '${name}'`);
    }
    if (name in out) {
      throw typeError(`${fname}() got multiple values for argument '${name}'`);
    }
    out[name] = value;
  }
  if (varkw) out[varkw] = extra;
  for (const p of params) {
    if (p.name in out) continue;
    if (!p.optional) {
      const where = p.keywordOnly ? 'keyword-only argument' : 'positional argument';
      throw typeError(`${fname}() missing required ${where} '${p.name}'`);
    }
    out[p.name] = undefined;
  }
  return out;
}

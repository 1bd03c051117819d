// The playground's libraries, one module each under libraries/: for each, the functions its
// seedlab API has, their parameters, the code a draw stands for and how the values print.
// Pure apart from the kernel's generators; form-view.js does the form.
import { generator } from './libraries/generator.js';
import { jax } from './libraries/jax.js';
import { numpy } from './libraries/numpy.js';
import { python } from './libraries/python.js';
import { r } from './libraries/r.js';
import { rust } from './libraries/rust.js';
import { torch } from './libraries/torch.js';
/** @import { Library, Settings } from './libraries/spec.js' */

/**
 * The libraries by their setting value (play.lib), in the menu's order.
 * @type {Record<string, Library>}
 */
export const LIBRARIES = { numpy, generator, torch, python, r, jax, rust };

/**
 * Which functions each library offers in seedlab's JS API: { numpy: ['rand', ...], ... }.
 * @type {Record<string, string[]>}
 */
export const FUNCTIONS = Object.fromEntries(
  Object.entries(LIBRARIES).map(([name, lib]) => [name, Object.keys(lib.functions)]),
);

/**
 * The settings with a function the library has (its default one otherwise), as the form would
 * select it.
 * @param {Settings} s
 */
export function withKnownFunction(s) {
  const lib = LIBRARIES[s.lib];
  return lib.functions[s.fn] ? s : { ...s, fn: lib.defaultFn };
}

/**
 * The code that settings s stand for (as typed).
 * @param {Settings} s
 */
export function playgroundCode(s) {
  const known = withKnownFunction(s);
  const lib = LIBRARIES[known.lib];
  return lib.code(known, lib.functions[known.fn]);
}

// Tests of www/lang/python-expr.js (fields read as Python expressions) and python-args.js (Python
// values to seedlab's JS arguments). Expected error texts were printed by CPython 3.11, NumPy 2.4.6
// and PyTorch 2.15.0.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAGE_MAX_N } from '../../www/lang/limits.js';
import { numpySeed, numpySize, torchSeed, torchSize } from '../../www/lang/python-args.js';
import { evalPython, pythonRepr } from '../../www/lang/python-expr.js';

/**
 * Asserts f throws an error named name whose message is message.
 * @param {() => unknown} f
 * @param {string} name
 * @param {string} message
 */
function assertRaises(f, name, message) {
  assert.throws(f, (/** @type {Error} */ e) => {
    assert.equal(e.name, name);
    assert.equal(e.message, message);
    return true;
  });
}

describe('evalPython', () => {
  test('integer literals, as BigInt', () => {
    for (const [text, value] of /** @type {Array<[string, bigint]>} */ ([
      ['17', 17n],
      [' 17 ', 17n],
      ['0', 0n],
      ['00', 0n],
      ['20_210_530', 20210530n],
      ['0x11', 17n],
      ['0o21', 17n],
      ['0b10001', 17n],
      ['-1', -1n],
      ['--5', 5n],
      ['18446744073709551615', 18446744073709551615n],
    ])) {
      assert.deepEqual(evalPython(text), { type: 'int', value }, text);
    }
  });

  test('arithmetic with Python’s precedence and int/float rules', () => {
    assert.deepEqual(evalPython('2**32'), { type: 'int', value: 4294967296n });
    assert.deepEqual(evalPython('2**32 - 1'), { type: 'int', value: 4294967295n });
    assert.deepEqual(evalPython('-2**2'), { type: 'int', value: -4n });
    assert.deepEqual(evalPython('2**3**2'), { type: 'int', value: 512n });
    assert.deepEqual(evalPython('(1 + 2) * 3'), { type: 'int', value: 9n });
    assert.deepEqual(evalPython('-7 // 2'), { type: 'int', value: -4n });
    assert.deepEqual(evalPython('-7 % 3'), { type: 'int', value: 2n });
    assert.deepEqual(evalPython('10**12'), { type: 'int', value: 1000000000000n });
    assert.deepEqual(evalPython('7 / 2'), { type: 'float', value: 3.5 });
    assert.deepEqual(evalPython('1.5'), { type: 'float', value: 1.5 });
    assert.deepEqual(evalPython('1e3'), { type: 'float', value: 1000 });
    assert.deepEqual(evalPython('.5'), { type: 'float', value: 0.5 });
    assert.deepEqual(evalPython('2**-1'), { type: 'float', value: 0.5 });
    assert.deepEqual(evalPython('True + 1'), { type: 'int', value: 2n });
  });

  test('None, booleans and lists', () => {
    assert.deepEqual(evalPython('None'), { type: 'NoneType' });
    assert.deepEqual(evalPython('True'), { type: 'bool', value: true });
    assert.deepEqual(evalPython('[1, 2]'), {
      type: 'list',
      items: [
        { type: 'int', value: 1n },
        { type: 'int', value: 2n },
      ],
    });
    assert.deepEqual(evalPython('[]'), { type: 'list', items: [] });
    assert.deepEqual(evalPython('[3,]'), { type: 'list', items: [{ type: 'int', value: 3n }] });
  });

  test('errors as Python raises them', () => {
    assertRaises(() => evalPython(''), 'SyntaxError', 'invalid syntax');
    assertRaises(() => evalPython('1 +'), 'SyntaxError', 'invalid syntax');
    assertRaises(() => evalPython('1 2'), 'SyntaxError', 'invalid syntax');
    assertRaises(() => evalPython('[1, 2'), 'SyntaxError', "'[' was never closed");
    assertRaises(
      () => evalPython('017'),
      'SyntaxError',
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
    );
    assertRaises(() => evalPython('abc'), 'NameError', "name 'abc' is not defined");
    assertRaises(() => evalPython('seed'), 'NameError', "name 'seed' is not defined");
    assertRaises(() => evalPython('1/0'), 'ZeroDivisionError', 'division by zero');
    assertRaises(() => evalPython('1.0/0'), 'ZeroDivisionError', 'float division by zero');
    assertRaises(
      () => evalPython('1//0'),
      'ZeroDivisionError',
      'integer division or modulo by zero',
    );
    assertRaises(() => evalPython('1%0'), 'ZeroDivisionError', 'integer modulo by zero');
    assertRaises(
      () => evalPython('0**-1'),
      'ZeroDivisionError',
      '0.0 cannot be raised to a negative power',
    );
    assertRaises(
      () => evalPython('-None'),
      'TypeError',
      "bad operand type for unary -: 'NoneType'",
    );
    assertRaises(
      () => evalPython('None + 1'),
      'TypeError',
      "unsupported operand type(s) for +: 'NoneType' and 'int'",
    );
    assertRaises(
      () => evalPython('10.0**400'),
      'OverflowError',
      "(34, 'Numerical result out of range')",
    );
    assertRaises(
      () => evalPython('10**10**10'),
      'PageLimit',
      'This integer is too large for this page.',
    );
  });

  test('pythonRepr gives one text per value', () => {
    assert.equal(pythonRepr(evalPython('0x11')), '17');
    assert.equal(pythonRepr(evalPython('1_7')), '17');
    assert.equal(pythonRepr(evalPython('17.0')), '17.0');
    assert.equal(pythonRepr(evalPython('[1, None, True]')), '[1, None, True]');
  });
});

describe('python-args', () => {
  test('NumPy seeds: int as BigInt, None as OS entropy, lists kept', () => {
    assert.equal(numpySeed(evalPython('17')), 17n);
    assert.equal(numpySeed(evalPython('None')), undefined);
    assert.equal(numpySeed(evalPython('1.5')), 1.5); // seedlab raises NumPy's TypeError
    assert.deepEqual(numpySeed(evalPython('[1, 2]')), [1n, 2n]);
    assert.equal(numpySeed(evalPython('True')), 1n);
  });

  test('torch seeds: int(seed) first, as torch.manual_seed does', () => {
    assert.equal(torchSeed(evalPython('-1')), -1n);
    assert.equal(torchSeed(evalPython('17.9')), 17n);
    assertRaises(
      () => torchSeed(evalPython('None')),
      'TypeError',
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
    );
    assertRaises(
      () => torchSeed(evalPython('[1]')),
      'TypeError',
      "int() argument must be a string, a bytes-like object or a real number, not 'list'",
    );
    assertRaises(
      () => torchSeed(evalPython('1e400 - 1e400')),
      'ValueError',
      'cannot convert float NaN to integer',
    );
    assertRaises(
      () => torchSeed(evalPython('1e400')),
      'OverflowError',
      'cannot convert float infinity to integer',
    );
  });

  test('sizes: Python’s errors, and the page’s own limit', () => {
    assert.equal(numpySize(evalPython('5')), 5);
    assert.equal(numpySize(evalPython('-1')), -1); // seedlab: "negative dimensions are not allowed"
    assert.equal(numpySize(evalPython('10**12')), 1e12); // seedlab: NumPy's MemoryError
    assertRaises(
      () => numpySize(evalPython('None')),
      'TypeError',
      "'NoneType' object cannot be interpreted as an integer",
    );
    assertRaises(
      () => numpySize(evalPython('[2]')),
      'TypeError',
      "'list' object cannot be interpreted as an integer",
    );
    assertRaises(
      () => numpySize(evalPython('2**63')),
      'ValueError',
      'Maximum allowed dimension exceeded',
    );
    assert.equal(numpySize(evalPython(String(PAGE_MAX_N))), PAGE_MAX_N);
    assertRaises(
      () => numpySize(evalPython('2_000_000')),
      'PageLimit',
      'This page draws at most 1,000,000 values per call (Python would draw 2,000,000).',
    );
    assert.equal(torchSize(evalPython('[5]'), 'randn'), 5);
    assertRaises(
      () => torchSize(evalPython('None'), 'randn'),
      'TypeError',
      "randn(): argument 'size' (position 1) must be tuple of ints, not NoneType",
    );
  });
});

// Tests of www/lang/python-expr.js (fields read as Python expressions) and python-args.js (Python
// values to seedlab's JS arguments). Expected error texts were printed by CPython 3.11, NumPy 2.4.6
// and PyTorch 2.15.0.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

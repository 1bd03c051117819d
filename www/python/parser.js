// Python's grammar, the part this interpreter runs: a recursive-descent parser from tokens to a
// small AST of plain objects ({ type: 'Call', func, args, keywords, line }). Constructs outside
// the subset that Python itself accepts (class, try, with, yield, ...) are recognised and
// reported as Unsupported, naming the construct; everything else that is not Python is a
// SyntaxError worded as CPython 3.11 words it where that is simple.
//
//   parse('x = f(1, y=2)\n')  ->  { type: 'Module', body: [{ type: 'Assign', targets: [Name x],
//                                   value: { type: 'Call', ... } }] }

import { PyError, Unsupported } from './errors.js';
import { decodeString, tokenize } from './tokenizer.js';

/**
 * An AST node: `type` names it (Python's ast class names), `line` is where it starts.
 * @typedef {{ type: string, line: number, [field: string]: any }} Node
 * @typedef {import('./tokenizer.js').Token} Token
 */

const AUGMENTED = new Set([
  '+=',
  '-=',
  '*=',
  '/=',
  '//=',
  '%=',
  '**=',
  '>>=',
  '<<=',
  '&=',
  '|=',
  '^=',
  '@=',
]);
const COMPARISONS = new Set(['<', '>', '==', '>=', '<=', '!=']);
const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
/** Statements Python has that this interpreter does not run. */
const UNSUPPORTED_STATEMENTS = {
  async: '`async`',
  yield: '`yield`',
  await: '`await`',
};

/**
 * Parses a module (a cell's code).
 * @param {string} source
 * @returns {Node}
 */
export function parse(source) {
  const parser = new Parser(tokenize(source));
  return parser.module();
}

/**
 * Parses one expression (a field's value, an f-string replacement field).
 * @param {string} source
 * @param {number} [line] the line to report errors at
 * @returns {Node}
 */
export function parseExpression(source, line = 1) {
  const tokens = tokenize(source).filter(
    (t) => t.type !== 'NEWLINE' && t.type !== 'INDENT' && t.type !== 'DEDENT',
  );
  for (const token of tokens) token.line += line - 1;
  const parser = new Parser(tokens);
  const node = parser.testList();
  if (parser.peek().type !== 'ENDMARKER') parser.fail();
  return node;
}

class Parser {
  /** @param {Token[]} tokens */
  constructor(tokens) {
    this.tokens = tokens;
    this.i = 0;
  }

  // --- token helpers ----------------------------------------------------------------------

  peek(offset = 0) {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }

  next() {
    const token = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return token;
  }

  /** True when the next token is the operator or keyword `text`. @param {string} text */
  at(text) {
    const t = this.peek();
    return (t.type === 'OP' || t.type === 'NAME') && t.text === text;
  }

  /** Consumes `text` if it is next. @param {string} text */
  eat(text) {
    if (this.at(text)) {
      this.next();
      return true;
    }
    return false;
  }

  /** @param {string} text @param {string} [message] */
  expect(text, message) {
    if (!this.eat(text)) this.fail(message ?? (text === ':' ? "expected ':'" : 'invalid syntax'));
  }

  /** @param {string} [message] @returns {never} */
  fail(message = 'invalid syntax', token = this.peek()) {
    if (token.type === 'INDENT') {
      const error = new PyError('IndentationError', 'unexpected indent');
      error.line = token.line;
      throw error;
    }
    const error = new PyError('SyntaxError', message);
    error.line = token.line;
    error.col = token.col;
    throw error;
  }

  /** @param {string} what @returns {never} */
  unsupported(what, token = this.peek()) {
    throw new Unsupported(what, token.line);
  }

  /** Can `token` begin the subject of a `match` statement (`match x:`, `match 1:`, `match (a, b):`)? */
  startsSubject(token = this.peek()) {
    if (token.type === 'NAME')
      return (
        !KEYWORDS.has(token.text) || ['None', 'True', 'False', 'not', 'lambda'].includes(token.text)
      );
    if (token.type === 'NUMBER' || token.type === 'STRING') return true;
    return token.type === 'OP' && ['(', '[', '{', '-', '+', '~', '*'].includes(token.text);
  }

  isName(token = this.peek()) {
    return token.type === 'NAME' && !KEYWORDS.has(token.text);
  }

  name() {
    const token = this.peek();
    if (!this.isName(token)) this.fail();
    this.next();
    return token.text;
  }

  /** @param {string} type @param {Token} token @param {object} fields @returns {Node} */
  node(type, token, fields) {
    return { type, line: token.line, col: token.col, ...fields };
  }

  // --- statements -------------------------------------------------------------------------

  module() {
    const body = [];
    while (this.peek().type !== 'ENDMARKER') {
      if (this.peek().type === 'NEWLINE') {
        this.next();
        continue;
      }
      body.push(...this.statement());
    }
    return this.node('Module', this.tokens[0], { body });
  }

  /** One statement, or several for `a = 1; b = 2`. @returns {Node[]} */
  statement() {
    const token = this.peek();
    if (token.type === 'INDENT') this.fail();
    if (token.type === 'NAME') {
      switch (token.text) {
        case 'if':
          return [this.ifStatement()];
        case 'for':
          return [this.forStatement()];
        case 'while':
          return [this.whileStatement()];
        case 'def':
          return [this.functionDef()];
        case 'class':
          return [this.classDef()];
        case 'try':
          return [this.tryStatement()];
        case 'with':
          return [this.withStatement()];
        default:
          if (token.text in UNSUPPORTED_STATEMENTS) {
            this.unsupported(UNSUPPORTED_STATEMENTS[/** @type {'async'} */ (token.text)]);
          }
          if (
            token.text === 'match' &&
            this.startsSubject(this.peek(1)) &&
            this.lineEndsWithColon()
          ) {
            this.unsupported('`match`');
          }
      }
    }
    if (token.type === 'OP' && token.text === '@') return [this.decorated()];
    const statements = [this.simpleStatement()];
    while (this.eat(';')) {
      if (this.peek().type === 'NEWLINE') break;
      statements.push(this.simpleStatement());
    }
    if (this.peek().type !== 'NEWLINE' && this.peek().type !== 'ENDMARKER') this.fail();
    this.next();
    return statements;
  }

  lineEndsWithColon() {
    for (let k = this.i; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.type === 'NEWLINE' || t.type === 'ENDMARKER') return this.tokens[k - 1]?.text === ':';
    }
    return false;
  }

  /** A block after `:`: an indented suite, or simple statements on the same line. */
  block() {
    this.expect(':');
    if (this.peek().type !== 'NEWLINE') {
      return this.statement();
    }
    const newline = this.next();
    if (this.peek().type !== 'INDENT') {
      const error = new PyError(
        'IndentationError',
        `expected an indented block${this.blockContext}`,
      );
      error.line = newline.line + 1;
      throw error;
    }
    this.next();
    const body = [];
    while (this.peek().type !== 'DEDENT' && this.peek().type !== 'ENDMARKER') {
      body.push(...this.statement());
    }
    this.next();
    return body;
  }

  /** @param {string} keyword @param {Token} token */
  blockAfter(keyword, token) {
    this.blockContext = ` after '${keyword}' statement on line ${token.line}`;
    if (keyword === 'def') this.blockContext = ` after function definition on line ${token.line}`;
    if (keyword === 'class') this.blockContext = ` after class definition on line ${token.line}`;
    return this.block();
  }

  /** @returns {Node} */
  ifStatement() {
    const token = this.next(); // 'if' or 'elif'
    const test = this.namedExpression();
    const body = this.blockAfter(token.text, token);
    /** @type {Node[]} */
    let orelse = [];
    if (this.at('elif')) {
      orelse = [this.ifStatement()];
    } else if (this.at('else')) {
      const elseToken = this.next();
      orelse = this.blockAfter('else', elseToken);
    }
    return this.node('If', token, { test, body, orelse });
  }

  forStatement() {
    const token = this.next();
    const target = this.targetList();
    this.expect('in');
    const iter = this.testList();
    const body = this.blockAfter('for', token);
    const orelse = this.at('else') ? this.blockAfter('else', this.next()) : [];
    return this.node('For', token, { target, iter, body, orelse });
  }

  whileStatement() {
    const token = this.next();
    const test = this.namedExpression();
    const body = this.blockAfter('while', token);
    const orelse = this.at('else') ? this.blockAfter('else', this.next()) : [];
    return this.node('While', token, { test, body, orelse });
  }

  tryStatement() {
    const token = this.next();
    const body = this.blockAfter('try', token);
    const handlers = [];
    while (this.at('except')) {
      const t = this.next();
      if (this.at('*')) this.unsupported('`except*`');
      let type = null;
      let name = null;
      if (!this.at(':')) {
        type = this.test();
        if (this.at(',')) this.fail('multiple exception types must be parenthesized');
        if (this.eat('as')) name = this.name();
      }
      handlers.push({ type, name, body: this.blockAfter('except', t), line: t.line });
    }
    const orelse =
      handlers.length > 0 && this.at('else') ? this.blockAfter('else', this.next()) : [];
    const finalbody = this.at('finally') ? this.blockAfter('finally', this.next()) : [];
    if (handlers.length === 0 && finalbody.length === 0)
      this.fail("expected 'except' or 'finally' block");
    return this.node('Try', token, { body, handlers, orelse, finalbody });
  }

  withStatement() {
    const token = this.next();
    const parenthesised = this.at('(') && this.lineEndsWithColon() && this.peek(1).text !== ')';
    const items = [];
    do {
      const context = this.test();
      const target = this.eat('as') ? this.checkTarget(this.target(), 'assign') : null;
      items.push({ context, target });
    } while (this.eat(','));
    void parenthesised;
    const body = this.blockAfter('with', token);
    return this.node('With', token, { items, body });
  }

  /** @param {Node[]} [decorators] */
  functionDef(decorators = []) {
    const token = this.next();
    const name = this.name();
    this.expect('(', "expected '('");
    const params = this.parameters(')');
    this.expect(')');
    if (this.eat('->')) this.test(); // the return annotation is not evaluated
    const body = this.blockAfter('def', token);
    return this.node('FunctionDef', token, { name, params, body, decorators });
  }

  /** `class Name(bases, keyword=value):` and its body. @param {Node[]} [decorators] */
  classDef(decorators = []) {
    const token = this.next();
    const name = this.name();
    /** @type {Node[]} */
    let bases = [];
    /** @type {{ name: string | null, value: Node }[]} */
    let keywords = [];
    if (this.at('(')) {
      const open = this.next();
      ({ args: bases, keywords } = this.call(this.node('Name', token, { id: name }), open));
    }
    const body = this.blockAfter('class', token);
    return this.node('ClassDef', token, { name, bases, keywords, body, decorators });
  }

  /** `@decorator` lines, then the def or class they apply to. */
  decorated() {
    const decorators = [];
    while (this.eat('@')) {
      decorators.push(this.namedExpression());
      if (this.peek().type !== 'NEWLINE') this.fail();
      this.next();
    }
    if (this.at('def')) return this.functionDef(decorators);
    if (this.at('class')) return this.classDef(decorators);
    if (this.at('async')) this.unsupported('`async`');
    return this.fail();
  }

  /**
   * A parameter list up to `close`: positional (with defaults), *args, keyword-only, **kwargs.
   * @param {string} close
   */
  parameters(close) {
    /** @type {{ name: string, default: Node | null, kind: string }[]} */
    const params = [];
    let kind = 'positional';
    const seen = new Set();
    while (!this.at(close)) {
      const token = this.peek();
      let paramKind = kind;
      if (this.eat('**')) paramKind = 'varkw';
      else if (this.eat('*')) {
        if (this.at(',') || this.at(close)) {
          kind = 'keyword';
          if (!this.eat(',')) break;
          continue;
        }
        paramKind = 'varargs';
        kind = 'keyword';
      } else if (this.eat('/')) {
        if (!this.eat(',')) break;
        continue;
      }
      const name = this.name();
      if (seen.has(name)) this.fail(`duplicate argument '${name}' in function definition`, token);
      seen.add(name);
      if (close === ')' && this.eat(':')) this.test(); // annotations are not evaluated
      let value = null;
      if (paramKind !== 'varargs' && paramKind !== 'varkw' && this.eat('=')) value = this.test();
      else if (
        paramKind === 'positional' &&
        params.some((p) => p.kind === 'positional' && p.default)
      ) {
        this.fail('non-default argument follows default argument', token);
      }
      params.push({ name, default: value, kind: paramKind });
      if (!this.eat(',')) break;
    }
    return params;
  }

  simpleStatement() {
    const token = this.peek();
    if (token.type === 'NAME') {
      switch (token.text) {
        case 'pass':
          this.next();
          return this.node('Pass', token, {});
        case 'break':
          this.next();
          return this.node('Break', token, {});
        case 'continue':
          this.next();
          return this.node('Continue', token, {});
        case 'return': {
          this.next();
          const value = this.atStatementEnd() ? null : this.testList();
          return this.node('Return', token, { value });
        }
        case 'import':
          return this.importStatement();
        case 'from':
          return this.fromImport();
        case 'raise': {
          this.next();
          const exc = this.atStatementEnd() ? null : this.test();
          if (this.eat('from')) this.test();
          return this.node('Raise', token, { exc });
        }
        case 'assert': {
          this.next();
          const test = this.test();
          const msg = this.eat(',') ? this.test() : null;
          return this.node('Assert', token, { test, msg });
        }
        case 'global':
        case 'nonlocal': {
          this.next();
          const names = [this.name()];
          while (this.eat(',')) names.push(this.name());
          return this.node(token.text === 'global' ? 'Global' : 'Nonlocal', token, { names });
        }
        case 'del': {
          this.next();
          const targets = [this.target()];
          while (this.eat(',')) {
            if (this.atStatementEnd()) break;
            targets.push(this.target());
          }
          return this.node('Delete', token, { targets });
        }
        default:
          if (token.text in UNSUPPORTED_STATEMENTS) {
            this.unsupported(UNSUPPORTED_STATEMENTS[/** @type {'async'} */ (token.text)]);
          }
      }
    }
    return this.expressionStatement();
  }

  atStatementEnd() {
    const t = this.peek();
    return t.type === 'NEWLINE' || t.type === 'ENDMARKER' || (t.type === 'OP' && t.text === ';');
  }

  importStatement() {
    const token = this.next();
    const names = [];
    do {
      const nameToken = this.peek();
      let name = this.name();
      while (this.eat('.')) name += `.${this.name()}`;
      const asname = this.eat('as') ? this.name() : null;
      names.push({ name, asname, line: nameToken.line });
    } while (this.eat(','));
    return this.node('Import', token, { names });
  }

  fromImport() {
    const token = this.next();
    if (this.at('.') || this.at('...')) this.unsupported('a relative import');
    let module = this.name();
    while (this.eat('.')) module += `.${this.name()}`;
    this.expect('import');
    if (this.eat('*')) return this.node('ImportFrom', token, { module, names: '*' });
    const parenthesised = this.eat('(');
    const names = [];
    do {
      if (parenthesised && this.at(')')) break;
      const name = this.name();
      const asname = this.eat('as') ? this.name() : null;
      names.push({ name, asname });
    } while (this.eat(','));
    if (parenthesised) this.expect(')');
    return this.node('ImportFrom', token, { module, names });
  }

  expressionStatement() {
    const token = this.peek();
    const first = this.starExpressions();
    if (this.at('=')) {
      const targets = [this.checkTarget(first, 'assign')];
      let value = null;
      while (this.eat('=')) {
        const next = this.starExpressions();
        if (this.at('=')) targets.push(this.checkTarget(next, 'assign'));
        else value = next;
      }
      return this.node('Assign', token, { targets, value });
    }
    const op = this.peek();
    if (op.type === 'OP' && AUGMENTED.has(op.text)) {
      this.next();
      const target = this.checkTarget(first, 'augmented');
      const value = this.testList();
      return this.node('AugAssign', token, { target, op: op.text.slice(0, -1), value });
    }
    if (this.at(':')) {
      // An annotated assignment: `x: int = 5`. The annotation is not evaluated.
      this.next();
      this.test();
      const target = this.checkTarget(first, 'annotated');
      const value = this.eat('=') ? this.testList() : null;
      return this.node('AnnAssign', token, { target, value });
    }
    return this.node('Expr', token, { value: first });
  }

  /**
   * Checks that an expression can be assigned to, with Python's messages.
   * @param {Node} node @param {'assign' | 'augmented' | 'annotated' | 'for' | 'del'} how
   * @returns {Node}
   */
  checkTarget(node, how) {
    switch (node.type) {
      case 'Name':
      case 'Attribute':
      case 'Subscript':
        return node;
      case 'Tuple':
      case 'List':
        if (how === 'augmented') {
          this.failAt(
            node,
            `'${node.type.toLowerCase()}' is an illegal expression for augmented assignment`,
          );
        }
        for (const item of node.elts) this.checkTarget(item, how);
        return node;
      case 'Starred':
        this.checkTarget(node.value, how);
        return node;
      default: {
        const what = describeExpression(node);
        if (how === 'augmented')
          this.failAt(node, `'${what}' is an illegal expression for augmented assignment`);
        const suffix =
          how === 'assign' && node.type !== 'Constant'
            ? " here. Maybe you meant '==' instead of '='?"
            : '';
        const verb = how === 'del' ? 'delete' : 'assign to';
        this.failAt(node, `cannot ${verb} ${what}${suffix}`);
      }
    }
  }

  /** @param {Node} node @param {string} message @returns {never} */
  failAt(node, message) {
    const error = new PyError('SyntaxError', message);
    error.line = node.line;
    throw error;
  }

  /** A `for` target: names, attributes, subscripts, unpacked into tuples. */
  targetList() {
    const token = this.peek();
    const items = [this.target()];
    let tuple = false;
    while (this.eat(',')) {
      tuple = true;
      if (this.at('in') || this.at('=')) break;
      items.push(this.target());
    }
    const node = tuple ? this.node('Tuple', token, { elts: items }) : items[0];
    return this.checkTarget(node, 'for');
  }

  target() {
    if (this.at('*')) {
      const token = this.next();
      return this.node('Starred', token, { value: this.bitwiseOr() });
    }
    return this.bitwiseOr();
  }

  // --- expressions ------------------------------------------------------------------------

  /** Expressions separated by commas, with stars: the right side of `=`, an expression statement. */
  starExpressions() {
    const token = this.peek();
    const first = this.starExpression();
    if (!this.at(',')) return first;
    const elts = [first];
    while (this.eat(',')) {
      if (this.atExpressionListEnd()) break;
      elts.push(this.starExpression());
    }
    return this.node('Tuple', token, { elts });
  }

  atExpressionListEnd() {
    const t = this.peek();
    if (t.type === 'NEWLINE' || t.type === 'ENDMARKER') return true;
    return (
      (t.type === 'OP' && ['=', ')', ']', '}', ';', ':'].includes(t.text)) || AUGMENTED.has(t.text)
    );
  }

  starExpression() {
    if (this.at('*')) {
      const token = this.next();
      return this.node('Starred', token, { value: this.bitwiseOr() });
    }
    return this.namedExpression();
  }

  /** `test, test, ...` as a tuple (no stars): `return a, b`, `for x in a, b`. */
  testList() {
    return this.starExpressions();
  }

  namedExpression() {
    const token = this.peek();
    const expr = this.test();
    if (this.at(':=')) {
      if (expr.type !== 'Name')
        this.fail(`cannot use assignment expressions with ${describeExpression(expr)}`);
      this.next();
      return this.node('NamedExpr', token, { target: expr, value: this.test() });
    }
    return expr;
  }

  /** A conditional expression or a lambda. @returns {Node} */
  test() {
    if (this.at('lambda')) return this.lambda();
    const token = this.peek();
    const body = this.orTest();
    if (this.at('if')) {
      this.next();
      const test = this.orTest();
      if (!this.eat('else')) this.fail("expected 'else' after 'if' expression");
      const orelse = this.test();
      return this.node('IfExp', token, { test, body, orelse });
    }
    return body;
  }

  lambda() {
    const token = this.next();
    const params = this.parameters(':');
    this.expect(':');
    const body = this.test();
    return this.node('Lambda', token, { params, body });
  }

  orTest() {
    const token = this.peek();
    const first = this.andTest();
    if (!this.at('or')) return first;
    const values = [first];
    while (this.eat('or')) values.push(this.andTest());
    return this.node('BoolOp', token, { op: 'or', values });
  }

  andTest() {
    const token = this.peek();
    const first = this.notTest();
    if (!this.at('and')) return first;
    const values = [first];
    while (this.eat('and')) values.push(this.notTest());
    return this.node('BoolOp', token, { op: 'and', values });
  }

  /** @returns {Node} */
  notTest() {
    if (this.at('not')) {
      const token = this.next();
      return this.node('UnaryOp', token, { op: 'not', operand: this.notTest() });
    }
    return this.comparison();
  }

  comparison() {
    const token = this.peek();
    const left = this.bitwiseOr();
    const ops = [];
    const comparators = [];
    for (;;) {
      const t = this.peek();
      let op = null;
      if (t.type === 'OP' && COMPARISONS.has(t.text)) op = t.text;
      else if (t.type === 'NAME' && t.text === 'in') op = 'in';
      else if (t.type === 'NAME' && t.text === 'not' && this.peek(1).text === 'in') op = 'not in';
      else if (t.type === 'NAME' && t.text === 'is')
        op = this.peek(1).text === 'not' ? 'is not' : 'is';
      if (op === null) break;
      this.next();
      if (op === 'not in' || op === 'is not') this.next();
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return this.node('Compare', token, { left, ops, comparators });
  }

  /**
   * Left-associative binary operators of one precedence level.
   * @param {string[]} ops @param {() => Node} operand @returns {Node}
   */
  binary(ops, operand) {
    const token = this.peek();
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'OP' || !ops.includes(t.text)) return left;
      this.next();
      const right = operand();
      left = this.node('BinOp', token, { op: t.text, left, right });
    }
  }

  bitwiseOr() {
    return this.binary(['|'], () => this.bitwiseXor());
  }

  bitwiseXor() {
    return this.binary(['^'], () => this.bitwiseAnd());
  }

  bitwiseAnd() {
    return this.binary(['&'], () => this.shift());
  }

  shift() {
    return this.binary(['<<', '>>'], () => this.arith());
  }

  arith() {
    return this.binary(['+', '-'], () => this.term());
  }

  term() {
    return this.binary(['*', '/', '//', '%', '@'], () => this.factor());
  }

  /** @returns {Node} */
  factor() {
    const t = this.peek();
    if (t.type === 'OP' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      return this.node('UnaryOp', t, { op: t.text, operand: this.factor() });
    }
    return this.power();
  }

  /** @returns {Node} */
  power() {
    const token = this.peek();
    if (this.at('await')) this.unsupported('`await`');
    const base = this.primary();
    if (this.eat('**')) {
      return this.node('BinOp', token, { op: '**', left: base, right: this.factor() });
    }
    return base;
  }

  primary() {
    let node = this.atom();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'OP') return node;
      if (t.text === '.') {
        this.next();
        const nameToken = this.peek();
        if (nameToken.type !== 'NAME') this.fail();
        this.next();
        node = this.node('Attribute', t, { value: node, attr: nameToken.text });
      } else if (t.text === '(') {
        this.next();
        node = this.call(node, t);
      } else if (t.text === '[') {
        this.next();
        const slice = this.subscript();
        this.expect(']');
        node = this.node('Subscript', t, { value: node, slice });
      } else {
        return node;
      }
    }
  }

  /** @param {Node} func @param {Token} token */
  call(func, token) {
    const args = [];
    /** @type {{ name: string | null, value: Node, line: number }[]} */
    const keywords = [];
    while (!this.at(')')) {
      const t = this.peek();
      if (this.eat('**')) {
        keywords.push({ name: null, value: this.test(), line: t.line });
      } else if (this.eat('*')) {
        args.push(this.node('Starred', t, { value: this.test() }));
      } else if (this.isName(t) && this.peek(1).type === 'OP' && this.peek(1).text === '=') {
        this.next();
        this.next();
        if (keywords.some((k) => k.name === t.text))
          this.fail(`keyword argument repeated: ${t.text}`, t);
        keywords.push({ name: t.text, value: this.test(), line: t.line });
      } else {
        const value = this.namedExpression();
        if (this.at('for')) {
          const generators = this.comprehension();
          args.push(this.node('GeneratorExp', t, { elt: value, generators }));
        } else {
          if (keywords.some((k) => k.name !== null)) {
            this.fail('positional argument follows keyword argument', t);
          }
          if (keywords.length > 0)
            this.fail('positional argument follows keyword argument unpacking', t);
          args.push(value);
        }
      }
      if (!this.eat(',')) break;
    }
    this.expect(')');
    return this.node('Call', token, { func, args, keywords });
  }

  /** What goes between `[` and `]`: an index, a slice, or a tuple of them. */
  subscript() {
    const token = this.peek();
    const first = this.sliceItem();
    if (!this.at(',')) return first;
    const elts = [first];
    while (this.eat(',')) {
      if (this.at(']')) break;
      elts.push(this.sliceItem());
    }
    return this.node('Tuple', token, { elts });
  }

  sliceItem() {
    const token = this.peek();
    if (this.at('*')) return this.starExpression();
    const lower = this.at(':') ? null : this.namedExpression();
    if (!this.at(':')) return /** @type {Node} */ (lower);
    this.next();
    const upper = this.at(':') || this.at(']') || this.at(',') ? null : this.test();
    let step = null;
    if (this.eat(':')) step = this.at(']') || this.at(',') ? null : this.test();
    return this.node('Slice', token, { lower, upper, step });
  }

  atom() {
    const t = this.peek();
    switch (t.type) {
      case 'NUMBER':
        this.next();
        if (t.number?.kind === 'imaginary') this.unsupported('a complex number', t);
        return this.node('Constant', t, { value: /** @type {any} */ (t.number).value });
      case 'STRING':
        return this.strings();
      case 'NAME':
        return this.nameAtom(t);
      case 'OP':
        return this.bracketAtom(t);
      default:
        return this.fail(
          t.type === 'NEWLINE' || t.type === 'ENDMARKER' ? 'invalid syntax' : 'invalid syntax',
        );
    }
  }

  /** @param {Token} t */
  nameAtom(t) {
    switch (t.text) {
      case 'True':
        this.next();
        return this.node('Constant', t, { value: true });
      case 'False':
        this.next();
        return this.node('Constant', t, { value: false });
      case 'None':
        this.next();
        return this.node('Constant', t, { value: null });
      case 'lambda':
        return this.lambda();
      case 'yield':
        return this.unsupported('`yield`');
      case 'await':
        return this.unsupported('`await`');
      default:
        if (KEYWORDS.has(t.text)) this.fail();
        this.next();
        return this.node('Name', t, { id: t.text });
    }
  }

  /** @param {Token} t */
  bracketAtom(t) {
    switch (t.text) {
      case '(':
        return this.parenthesised();
      case '[':
        return this.listDisplay();
      case '{':
        return this.dictOrSetDisplay();
      case '...':
        this.next();
        return this.node('Constant', t, { value: { ellipsis: true } });
      default:
        return this.fail();
    }
  }

  parenthesised() {
    const token = this.next();
    if (this.eat(')')) return this.node('Tuple', token, { elts: [] });
    if (this.at('yield')) this.unsupported('`yield`');
    const first = this.starExpression();
    if (this.at('for')) {
      const generators = this.comprehension();
      this.expect(')');
      return this.node('GeneratorExp', token, { elt: first, generators });
    }
    if (!this.at(',')) {
      this.expect(')');
      if (first.type === 'Starred') this.failAt(first, 'cannot use starred expression here');
      return { ...first, parenthesised: true };
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.at(')')) break;
      elts.push(this.starExpression());
    }
    this.expect(')');
    return this.node('Tuple', token, { elts, parenthesised: true });
  }

  listDisplay() {
    const token = this.next();
    if (this.eat(']')) return this.node('List', token, { elts: [] });
    const first = this.starExpression();
    if (this.at('for')) {
      const generators = this.comprehension();
      this.expect(']');
      return this.node('ListComp', token, { elt: first, generators });
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.at(']')) break;
      elts.push(this.starExpression());
    }
    this.expect(']');
    return this.node('List', token, { elts });
  }

  dictOrSetDisplay() {
    const token = this.next();
    if (this.eat('}')) return this.node('Dict', token, { keys: [], values: [] });
    if (this.at('**')) return this.dictDisplay(token, null);
    const first = this.starExpression();
    if (this.eat(':')) return this.dictDisplay(token, first);
    if (this.at('for')) {
      const generators = this.comprehension();
      this.expect('}');
      return this.node('SetComp', token, { elt: first, generators });
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.at('}')) break;
      elts.push(this.starExpression());
    }
    this.expect('}');
    return this.node('Set', token, { elts });
  }

  /** @param {Token} token @param {Node | null} firstKey (null: starts with **) */
  dictDisplay(token, firstKey) {
    const keys = [];
    const values = [];
    if (firstKey) {
      const value = this.test();
      if (this.at('for')) {
        const generators = this.comprehension();
        this.expect('}');
        return this.node('DictComp', token, { key: firstKey, value, generators });
      }
      keys.push(firstKey);
      values.push(value);
      if (!this.eat(',')) {
        this.expect('}');
        return this.node('Dict', token, { keys, values });
      }
    }
    while (!this.at('}')) {
      if (this.eat('**')) {
        keys.push(null);
        values.push(this.bitwiseOr());
      } else {
        keys.push(this.test());
        this.expect(':');
        values.push(this.test());
      }
      if (!this.eat(',')) break;
    }
    this.expect('}');
    return this.node('Dict', token, { keys, values });
  }

  /** `for x in xs if cond ...` clauses of a comprehension. */
  comprehension() {
    const generators = [];
    while (this.at('for') || this.at('async')) {
      if (this.at('async')) this.unsupported('`async`');
      this.next();
      const target = this.targetList();
      this.expect('in');
      const iter = this.orTest();
      const ifs = [];
      while (this.eat('if')) ifs.push(this.orTestNoCond());
      generators.push({ target, iter, ifs });
    }
    return generators;
  }

  orTestNoCond() {
    return this.orTest();
  }

  /** Adjacent string literals, concatenated; f-strings become a JoinedStr. */
  strings() {
    const token = this.peek();
    /** @type {Node[]} */
    const parts = [];
    let bytes = null;
    while (this.peek().type === 'STRING') {
      const t = this.next();
      const s = /** @type {import('./tokenizer.js').StringValue} */ (t.string);
      if (bytes !== null && bytes !== s.bytes)
        this.fail('cannot mix bytes and nonbytes literals', t);
      bytes = s.bytes;
      if (s.fstring) parts.push(...this.fstringParts(s, t));
      else parts.push(this.node('Constant', t, { value: s.text }));
    }
    if (bytes) this.unsupported('a bytes literal', token);
    /** @type {Node[]} */
    const merged = [];
    for (const part of parts) {
      const last = merged[merged.length - 1];
      if (part.type === 'Constant' && last?.type === 'Constant') {
        merged[merged.length - 1] = { ...last, value: last.value + part.value };
      } else {
        merged.push(part);
      }
    }
    if (merged.length === 1 && merged[0].type === 'Constant') return merged[0];
    if (merged.length === 0) return this.node('Constant', token, { value: '' });
    if (!parts.some((p) => p.type === 'FormattedValue')) {
      return this.node('Constant', token, { value: merged.map((p) => p.value).join('') });
    }
    return this.node('JoinedStr', token, { values: merged });
  }

  /**
   * The pieces of an f-string: literal text ({{ and }} unescaped) and replacement fields
   * {expr!conv:spec}, the spec itself possibly holding nested fields.
   * @param {import('./tokenizer.js').StringValue} s @param {Token} t @returns {Node[]}
   */
  fstringParts(s, t) {
    const body = s.body;
    /** @type {Node[]} */
    const parts = [];
    let literal = '';
    const flush = () => {
      if (literal)
        parts.push(
          this.node('Constant', t, {
            value: decodeString(literal, { raw: s.raw, bytes: false, line: t.line, col: t.col }),
          }),
        );
      literal = '';
    };
    let i = 0;
    while (i < body.length) {
      const ch = body[i];
      if (ch === '{' && body[i + 1] === '{') {
        literal += '{';
        i += 2;
      } else if (ch === '}' && body[i + 1] === '}') {
        literal += '}';
        i += 2;
      } else if (ch === '}') {
        this.fail("f-string: single '}' is not allowed", t);
      } else if (ch === '{') {
        flush();
        const { node, end } = this.replacementField(body, i + 1, t);
        parts.push(...node);
        i = end;
      } else {
        literal += ch;
        i++;
      }
    }
    flush();
    return parts;
  }

  /**
   * Parses one replacement field starting after `{`; returns its nodes and the index after `}`.
   * @param {string} body @param {number} start @param {Token} t
   * @returns {{ node: Node[], end: number }}
   */
  replacementField(body, start, t) {
    // Find the end of the expression: the first ! : = or } at bracket depth 0, outside strings.
    let depth = 0;
    let i = start;
    let quote = '';
    for (; i < body.length; i++) {
      const ch = body[i];
      if (quote) {
        if (ch === quote) quote = '';
        continue;
      }
      if (ch === "'" || ch === '"') quote = ch;
      else if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch) && depth > 0) depth--;
      else if (depth === 0 && (ch === '}' || ch === ':' || (ch === '!' && body[i + 1] !== '=')))
        break;
      else if (depth === 0 && ch === '=' && !'=!<>'.includes(body[i - 1]) && body[i + 1] !== '=')
        break;
      if (ch === '\\') this.fail('f-string expression part cannot include a backslash', t);
    }
    const exprText = body.slice(start, i);
    if (exprText.trim() === '') this.fail('f-string: empty expression not allowed', t);
    const value = parseExpression(`(${exprText.trim()})`, t.line);
    /** @type {Node[]} */
    const nodes = [];
    let conversion = null;
    let debug = false;
    if (body[i] === '=') {
      debug = true;
      i++;
      nodes.push(this.node('Constant', t, { value: `${exprText}=` }));
    }
    if (body[i] === '!') {
      conversion = body[i + 1];
      if (!'rsa'.includes(conversion ?? 'x'))
        this.fail(
          `f-string: invalid conversion character ${conversion ? `'${conversion}'` : ''}: expected 's', 'r', or 'a'`,
          t,
        );
      i += 2;
    }
    /** @type {Node | null} */
    let spec = null;
    if (body[i] === ':') {
      // The spec runs to the matching }, and may hold nested {fields}.
      let j = i + 1;
      let nest = 0;
      for (; j < body.length; j++) {
        if (body[j] === '{') nest++;
        else if (body[j] === '}') {
          if (nest === 0) break;
          nest--;
        }
      }
      const specBody = body.slice(i + 1, j);
      spec = this.node('JoinedStr', t, {
        values: this.fstringParts({ ...tokenString(specBody), raw: true }, t),
      });
      i = j;
    }
    if (body[i] !== '}') this.fail("f-string: expecting '}'", t);
    if (debug && conversion === null && spec === null) conversion = 'r';
    nodes.push(this.node('FormattedValue', t, { value, conversion, spec }));
    return { node: nodes, end: i + 1 };
  }
}

/** @param {string} body @returns {import('./tokenizer.js').StringValue} */
function tokenString(body) {
  return { bytes: false, fstring: true, raw: false, text: body, body, quote: '"' };
}

/** How Python's error messages name an expression that cannot be assigned to. @param {Node} node */
function describeExpression(node) {
  switch (node.type) {
    case 'Call':
      return 'function call';
    case 'Constant':
      return 'literal';
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'BoolOp':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'Lambda':
      return 'lambda';
    case 'IfExp':
      return 'conditional expression';
    case 'ListComp':
      return 'list comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
      return 'f-string expression';
    default:
      return 'expression';
  }
}

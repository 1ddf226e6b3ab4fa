#!/usr/bin/env node
/**
 * Writes compat/official/<type>.json: facts about the official provider's schema (names, types,
 * flags, defaults, validation facts, conflicts, deprecations, item limits) read from its public
 * Go source in a local bare mirror. Only facts are written; no code is copied. Run by hand when
 * the record should follow a newer official release; tests never run it.
 *
 *   node compat/extract-official.mjs [--repo /work/.mirror/aliyun+terraform-provider-alicloud/repo] [--ref HEAD]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const REPO = opt('--repo', '/work/.mirror/aliyun+terraform-provider-alicloud/repo');
const REF = opt('--ref', 'HEAD');
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'official');

/** The types we record: resources, data sources (the provider block is added separately). */
const RESOURCES = [
  'alicloud_image',
  'alicloud_vpc',
  'alicloud_vswitch',
  'alicloud_security_group',
  'alicloud_security_group_rule',
  'alicloud_instance',
  'alicloud_ecs_snapshot',
  'alicloud_snapshot',
  'alicloud_disk',
  'alicloud_ecs_disk',
  'alicloud_disk_attachment',
  'alicloud_ecs_disk_attachment',
  'alicloud_ecs_key_pair',
  'alicloud_key_pair',
  'alicloud_ecs_deployment_set',
  'alicloud_ecs_hpc_cluster',
  'alicloud_ram_role',
  'alicloud_image_import',
  'alicloud_image_export',
  'alicloud_image_copy',
  'alicloud_image_share_permission',
];
const DATA_SOURCES = [
  'alicloud_images',
  'alicloud_zones',
  'alicloud_instance_types',
  'alicloud_resource_manager_resource_groups',
  'alicloud_vpcs',
  'alicloud_vswitches',
  'alicloud_security_groups',
  'alicloud_instances',
  'alicloud_key_pairs',
  'alicloud_ecs_key_pairs',
  'alicloud_account',
];

/** Values of constants from packages outside the mirror (denverdino/aliyungo common): facts. */
const EXTERNAL_CONSTANTS = { 'common.PrePaid': 'PrePaid', 'common.PostPaid': 'PostPaid' };

const git = (...a) => execFileSync('git', ['-C', REPO, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', REF).trim();
const fileCache = new Map();
const show = (path) => {
  if (!fileCache.has(path)) fileCache.set(path, git('show', `${REF}:${path}`));
  return fileCache.get(path);
};
/** The file (under alicloud/, not a test) that declares `func name(`. */
function fileDeclaring(name) {
  let out;
  try {
    out = git('grep', '-l', '-E', `^func ${name}\\(`, REF, '--', 'alicloud/*.go');
  } catch {
    throw new Error(`no declaration of func ${name}`);
  }
  const files = out
    .trim()
    .split('\n')
    .map((l) => l.slice(REF.length + 1))
    .filter((f) => !f.endsWith('_test.go'));
  if (files.length !== 1) throw new Error(`func ${name}: found in ${files.join(', ') || 'no file'}`);
  return files[0];
}

//// tokenizer ////

function tokenize(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') i++;
    else if (src.startsWith('//', i)) i = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i);
    else if (src.startsWith('/*', i)) i = src.indexOf('*/', i) + 2;
    else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1).replace(/\\'/g, "'")) });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      toks.push({ t: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === "'") {
      const j = src.indexOf("'", i + 1);
      toks.push({ t: 'char', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9a-fA-FxX_.eE]*/.exec(src.slice(i, i + 40));
      toks.push({ t: 'num', v: Number(m[0].replace(/_/g, '')) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200));
      toks.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['&&', '||', '==', '!=', '<=', '>=', ':='].includes(two)) {
        toks.push({ t: 'p', v: two });
        i += 2;
      } else if (src.startsWith('...', i)) {
        toks.push({ t: 'p', v: '...' });
        i += 3;
      } else {
        toks.push({ t: 'p', v: c });
        i++;
      }
    }
  }
  return toks;
}

//// expression parser (the subset schema literals use) ////

class Parser {
  constructor(toks, pos = 0) {
    this.toks = toks;
    this.pos = pos;
  }
  peek(o = 0) {
    return this.toks[this.pos + o];
  }
  isP(v, o = 0) {
    const t = this.peek(o);
    return t && t.t === 'p' && t.v === v;
  }
  eat(v) {
    if (!this.isP(v)) throw new Error(`expected ${v}, got ${JSON.stringify(this.peek())} near ${this.context()}`);
    this.pos++;
  }
  context() {
    return this.toks
      .slice(Math.max(0, this.pos - 8), this.pos + 8)
      .map((t) => (t.t === 'str' ? JSON.stringify(t.v) : t.v))
      .join(' ');
  }
  /** Skip a balanced (), [] or {} group starting at the current opener. */
  skipGroup() {
    const open = this.peek().v;
    const close = { '(': ')', '[': ']', '{': '}' }[open];
    let depth = 0;
    do {
      const t = this.peek();
      if (t.t === 'p' && t.v === open) depth++;
      else if (t.t === 'p' && t.v === close) depth--;
      this.pos++;
    } while (depth > 0);
  }
  /** A type expression; returns its text. */
  type() {
    if (this.isP('*')) {
      this.pos++;
      return '*' + this.type();
    }
    if (this.isP('[')) {
      this.eat('[');
      this.eat(']');
      return '[]' + this.type();
    }
    const t = this.peek();
    if (t.t === 'id' && t.v === 'map' && this.isP('[', 1)) {
      this.pos += 2;
      const k = this.type();
      this.eat(']');
      return `map[${k}]${this.type()}`;
    }
    if (t.t === 'id' && t.v === 'interface' && this.isP('{', 1)) {
      this.pos += 1;
      this.skipGroup();
      return 'interface{}';
    }
    let name = t.v;
    this.pos++;
    while (this.isP('.')) {
      this.pos++;
      name += '.' + this.peek().v;
      this.pos++;
    }
    return name;
  }
  expr() {
    let left = this.unary();
    while (this.peek() && this.peek().t === 'p' && ['*', '+', '-', '/', '||', '&&', '==', '!='].includes(this.peek().v)) {
      const op = this.peek().v;
      this.pos++;
      left = { k: 'binary', op, left, right: this.unary() };
    }
    return left;
  }
  unary() {
    if (this.isP('&')) {
      this.pos++;
      return this.unary();
    }
    if (this.isP('-')) {
      this.pos++;
      const e = this.unary();
      return e.k === 'num' ? { k: 'num', v: -e.v } : { k: 'neg', e };
    }
    return this.postfix(this.primary());
  }
  primary() {
    const t = this.peek();
    if (t.t === 'str') {
      this.pos++;
      return { k: 'str', v: t.v };
    }
    if (t.t === 'num') {
      this.pos++;
      return { k: 'num', v: t.v };
    }
    if (t.t === 'char') {
      this.pos++;
      return { k: 'char', v: t.v };
    }
    if (this.isP('(')) {
      this.eat('(');
      const e = this.expr();
      this.eat(')');
      return e;
    }
    if (this.isP('[') || (t.t === 'id' && t.v === 'map' && this.isP('[', 1))) {
      const type = this.type();
      return this.isP('{') ? this.composite(type) : { k: 'type', type };
    }
    if (this.isP('{')) return this.composite(undefined);
    if (t.t === 'id' && t.v === 'func') {
      this.pos++;
      this.skipGroup(); // parameters
      while (!this.isP('{')) {
        if (this.isP('(')) this.skipGroup();
        else this.pos++;
      }
      this.skipGroup(); // body
      return { k: 'func' };
    }
    if (t.t === 'id') {
      if (t.v === 'true' || t.v === 'false') {
        this.pos++;
        return { k: 'bool', v: t.v === 'true' };
      }
      if (t.v === 'nil') {
        this.pos++;
        return { k: 'nil' };
      }
      this.pos++;
      return { k: 'ident', name: t.v };
    }
    throw new Error(`unexpected ${JSON.stringify(t)} near ${this.context()}`);
  }
  postfix(e) {
    for (;;) {
      if (this.isP('.')) {
        this.pos++;
        const name = this.peek().v;
        this.pos++;
        e = e.k === 'ident' ? { k: 'ident', name: `${e.name}.${name}` } : { k: 'select', e, name };
      } else if (this.isP('(')) {
        this.eat('(');
        const callArgs = [];
        while (!this.isP(')')) {
          callArgs.push(this.expr());
          if (this.isP('...')) this.pos++;
          if (this.isP(',')) this.pos++;
        }
        this.eat(')');
        e = { k: 'call', fn: e.k === 'ident' ? e.name : '?', args: callArgs };
      } else if (this.isP('{') && e.k === 'ident' && /^[A-Za-z_.]+$/.test(e.name) && /(^|\.)[A-Z]/.test(e.name)) {
        e = this.composite(e.name);
      } else if (this.isP('[')) {
        this.skipGroup();
        e = { k: 'index' };
      } else return e;
    }
  }
  composite(type) {
    this.eat('{');
    const entries = [];
    while (!this.isP('}')) {
      const first = this.expr();
      if (this.isP(':')) {
        this.pos++;
        entries.push({ key: first, value: this.expr() });
      } else entries.push({ value: first });
      if (this.isP(',')) this.pos++;
    }
    this.eat('}');
    return { k: 'composite', type, entries };
  }
}

/** The parsed expression returned by `func name() ... { return <expr> }` (the first return). */
function returnedLiteral(name) {
  const file = fileDeclaring(name);
  const toks = tokenize(show(file));
  const start = toks.findIndex((t, i) => t.t === 'id' && t.v === 'func' && toks[i + 1]?.v === name && toks[i + 2]?.v === '(');
  let i = start;
  while (!(toks[i].t === 'id' && toks[i].v === 'return')) i++;
  return { file, expr: new Parser(toks, i + 1).expr() };
}

//// constants ////

const constCache = new Map();
function constantValue(name) {
  if (name in EXTERNAL_CONSTANTS) return EXTERNAL_CONSTANTS[name];
  if (constCache.has(name)) return constCache.get(name);
  let value;
  try {
    const out = git('grep', '-h', '-E', `^\\s*(const\\s+)?${name}(\\s+[A-Za-z.]+)?\\s*=\\s*`, REF, '--', 'alicloud/*.go');
    const line = out.split('\n').find((l) => l.trim());
    const m = /=\s*(?:[A-Za-z.]+\()?("(?:[^"\\]|\\.)*"|-?[0-9]+)\)?/.exec(line ?? '');
    if (m) value = JSON.parse(m[1]);
  } catch {
    /* not found */
  }
  if (value === undefined) throw new Error(`cannot resolve constant ${name}`);
  constCache.set(name, value);
  return value;
}

/** A literal value (string, number, bool, list of them), resolving constants and conversions. */
function literal(e) {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'bool':
      return e.v;
    case 'ident':
      return constantValue(e.name);
    case 'call':
      if (['string', 'int', 'float64', 'bool'].includes(e.fn) || /^[A-Z][A-Za-z]*Type$/.test(e.fn)) return literal(e.args[0]);
      break;
    case 'composite':
      return e.entries.map((x) => literal(x.value));
    case 'binary':
      if (e.op === '+') return literal(e.left) + literal(e.right);
      if (e.op === '*') return literal(e.left) * literal(e.right);
      break;
    case 'neg':
      return -literal(e.e);
  }
  throw new Error(`not a literal: ${JSON.stringify(e).slice(0, 200)}`);
}

//// validators ////

/** Facts of a ValidateFunc expression. */
function validation(e) {
  if (e.k === 'ident') {
    const base = e.name.replace(/^validation\./, '');
    if (base === 'StringIsValidRegExp') return { regexp: true };
    if (base === 'StringIsJSON') return { json: true };
    if (base === 'IsRFC3339Time') return { rfc3339: true };
    return { func: base };
  }
  if (e.k !== 'call') return { func: '(inline function)' };
  const fn = e.fn.replace(/^validation\./, '');
  const a = e.args;
  switch (fn) {
    case 'StringInSlice':
      return { enum: literal(a[0]), ...(a[1] && literal(a[1]) ? { ignoreCase: true } : {}) };
    case 'IntInSlice':
      return { enum: literal(a[0]) };
    case 'IntBetween':
    case 'FloatBetween':
      return { range: { min: literal(a[0]), max: literal(a[1]) } };
    case 'IntAtLeast':
    case 'FloatAtLeast':
      return { range: { min: literal(a[0]) } };
    case 'IntAtMost':
    case 'FloatAtMost':
      return { range: { max: literal(a[0]) } };
    case 'StringLenBetween':
      return { length: { min: literal(a[0]), max: literal(a[1]) } };
    case 'StringMatch':
      return { pattern: a[0].k === 'call' ? literal(a[0].args[0]) : '(dynamic)' };
    case 'StringDoesNotMatch':
      return { notPattern: a[0].k === 'call' ? literal(a[0].args[0]) : '(dynamic)' };
    case 'Any':
      return { any: a.map(validation) };
    case 'All':
      return { all: a.map(validation) };
    default:
      return { func: fn };
  }
}

//// schema facts ////

const TYPES = {
  'schema.TypeString': 'string',
  'schema.TypeInt': 'int',
  'schema.TypeFloat': 'float',
  'schema.TypeBool': 'bool',
  'schema.TypeList': 'list',
  'schema.TypeSet': 'set',
  'schema.TypeMap': 'map',
};

/** Resolve an expression that should yield a `*schema.Schema` / map literal (following helper calls). */
function resolveLiteral(e) {
  if (e.k === 'call' && e.args.length === 0 && /^[a-zA-Z]+$/.test(e.fn)) return resolveLiteral(returnedLiteral(e.fn).expr);
  return e;
}

/** Facts of one `schema.Schema` literal. */
function attributeFacts(e) {
  e = resolveLiteral(e);
  if (e.k !== 'composite') throw new Error(`not a schema literal: ${JSON.stringify(e).slice(0, 200)}`);
  const out = {};
  for (const { key, value } of e.entries) {
    const k = key.name;
    switch (k) {
      case 'Type':
        out.type = TYPES[value.name] ?? value.name;
        break;
      case 'Required':
      case 'Optional':
      case 'Computed':
      case 'ForceNew':
      case 'Sensitive':
        if (literal(value)) out[k[0].toLowerCase() + k.slice(1)] = true;
        break;
      case 'Default':
        out.default = literal(value);
        break;
      case 'DefaultFunc':
        out.defaultFunc =
          value.k === 'call' && /EnvDefaultFunc|MultiEnvDefaultFunc/.test(value.fn)
            ? { env: [].concat(literal(value.args[0])), ...(value.args[1] ? defaultOf(value.args[1]) : {}) }
            : { func: value.k === 'call' ? value.fn : '(inline function)' };
        break;
      case 'MaxItems':
      case 'MinItems':
        out[k[0].toLowerCase() + k.slice(1)] = literal(value);
        break;
      case 'ConflictsWith':
      case 'AtLeastOneOf':
      case 'ExactlyOneOf':
      case 'RequiredWith':
        out[k[0].toLowerCase() + k.slice(1)] = literal(value);
        break;
      case 'Deprecated':
        out.deprecated = literal(value);
        break;
      case 'Removed':
        out.removed = literal(value);
        break;
      case 'ValidateFunc':
        out.validation = validation(value);
        break;
      case 'Elem': {
        const el = resolveLiteral(value);
        if (el.k === 'composite' && el.type === 'schema.Resource') out.elem = { block: blockFacts(el) };
        else if (el.k === 'composite' && el.type === 'schema.Schema') out.elem = attributeFacts(el);
        else if (el.k === 'ident' && TYPES[el.name]) out.elem = { type: TYPES[el.name] };
        else throw new Error(`unknown Elem ${JSON.stringify(el).slice(0, 200)}`);
        break;
      }
      case 'DiffSuppressFunc':
        out.diffSuppress = true;
        break;
      case 'StateFunc':
        out.stateFunc = true;
        break;
      case 'Set':
      case 'Description':
      case 'ConfigMode':
      case 'InputDefault':
        break;
      default:
        out[`unknown:${k}`] = true;
    }
  }
  return out;
}

function defaultOf(e) {
  try {
    const v = literal(e);
    return { value: v };
  } catch {
    return {};
  }
}

/** Facts of a `schema.Resource` literal's `Schema` map (and timeouts). */
function blockFacts(res) {
  const out = { attributes: {} };
  for (const { key, value } of res.entries) {
    if (key.name === 'Schema') {
      const map = resolveLiteral(value);
      for (const { key: name, value: attr } of map.entries) out.attributes[literal(name)] = attributeFacts(attr);
    } else if (key.name === 'Timeouts') {
      out.timeouts = {};
      for (const { key: op, value: d } of value.entries) {
        const seconds = literal(d.args[0]);
        out.timeouts[op.name.toLowerCase()] = seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
      }
    } else if (key.name === 'DeprecationMessage') out.deprecated = literal(value);
  }
  out.attributes = Object.fromEntries(Object.entries(out.attributes).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}

// time.Minute / time.Second in timeouts.
constCache.set('time.Minute', 60);
constCache.set('time.Second', 1);
constCache.set('time.Hour', 3600);

/** The registered function name of each type, from provider.go's maps. */
function registry() {
  const src = show('alicloud/provider.go');
  const map = {};
  for (const m of src.matchAll(/"(alicloud_[a-z0-9_]+)":\s+([A-Za-z0-9_]+)\(\)/g)) {
    const section = src.lastIndexOf('DataSourcesMap', m.index) > src.lastIndexOf('ResourcesMap', m.index) ? 'data' : 'resource';
    map[`${section}:${m[1]}`] = m[2];
  }
  return map;
}

function providerFacts() {
  const toks = tokenize(show('alicloud/provider.go'));
  const at = toks.findIndex(
    (t, i) => t.v === 'schema' && toks[i + 1]?.v === '.' && toks[i + 2]?.v === 'Provider' && toks[i + 3]?.v === '{',
  );
  const expr = new Parser(toks, at).expr();
  const schemaEntry = expr.entries.find((x) => x.key?.name === 'Schema');
  return blockFacts({ entries: [schemaEntry] });
}

function write(name, record) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(record, null, 2) + '\n');
  process.stdout.write(`wrote compat/official/${name}.json\n`);
}

const reg = registry();
const source = (file, fn) => ({ repository: 'aliyun/terraform-provider-alicloud', commit, file, function: fn });
for (const [kind, list] of [
  ['resource', RESOURCES],
  ['data', DATA_SOURCES],
]) {
  for (const type of list) {
    const fn = reg[`${kind}:${type}`];
    if (!fn) throw new Error(`${type} is not registered in provider.go`);
    const { file, expr } = returnedLiteral(fn);
    const facts = blockFacts(expr);
    const prefix = kind === 'data' ? 'data.' : '';
    write(`${prefix}${type}`, {
      type,
      kind: kind === 'data' ? 'data_source' : 'resource',
      source: source(file, fn),
      ...(facts.deprecated ? { deprecated: facts.deprecated } : {}),
      ...(facts.timeouts ? { timeouts: facts.timeouts } : {}),
      attributes: facts.attributes,
    });
  }
}
write('provider', {
  type: 'provider',
  kind: 'provider',
  source: source('alicloud/provider.go', 'Provider'),
  attributes: providerFacts().attributes,
});

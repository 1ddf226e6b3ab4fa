/**
 * CDKTF bindings for our provider, generated from its own schema
 * (`terraform providers schema -json`), without @cdktf/provider-generator.
 *
 * The output is plain TypeScript on top of the `cdktf` (0.21) and `constructs`
 * (10) libraries: one folder per resource / data source with a typed `...Config`
 * interface, a class extending `cdktf.TerraformResource` / `TerraformDataSource`
 * / `TerraformProvider`, typed attribute getters (tokens), and `List` /
 * `OutputReference` classes for computed lists of objects (`zones.get(0).id`).
 * Layout and names follow the CDKTF generator's: `providers/alicloud/vpc/index.ts`
 * exports `Vpc`, `data-alicloud-zones/index.ts` exports `DataAlicloudZones`,
 * `provider/index.ts` exports `AlicloudProvider`, `index.ts` re-exports each as a
 * namespace (`alicloud.vpc.Vpc`).
 *
 * CLI (what `npm run get` in examples/seed-typescript runs):
 *   node dist/cli/cdktf-bindings.js [--out DIR] [--schema FILE] [--provider-bin DIR] [--check]
 * Without `--schema` it asks terraform (dev_overrides to `--provider-bin`, default
 * this package's `bin/`). `--check` writes nothing and exits 1 listing stale files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `terraform providers schema -json` output (format_version 1.0), the parts we read. */
export interface ProviderSchemasJson {
  format_version: string;
  provider_schemas: Record<string, ProviderSchemaJson>;
}
export interface ProviderSchemaJson {
  provider?: { version: number; block: BlockJson };
  resource_schemas?: Record<string, { version: number; block: BlockJson }>;
  data_source_schemas?: Record<string, { version: number; block: BlockJson }>;
}
export interface BlockJson {
  attributes?: Record<string, AttributeJson>;
  block_types?: Record<string, BlockTypeJson>;
  description?: string;
  deprecated?: boolean;
}
export interface AttributeJson {
  type?: CtyType;
  nested_type?: { attributes: Record<string, AttributeJson>; nesting_mode: string };
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
}
export interface BlockTypeJson {
  nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  block: BlockJson;
  min_items?: number;
  max_items?: number;
}
/** cty type JSON: `"string"`, `["list","string"]`, `["object",{...}]`, ... */
export type CtyType = string | [string, unknown] | [string, unknown, unknown];

/** Options of {@link generateCdktfBindings}. */
export interface GenerateOptions {
  /** Provider source as in required_providers, e.g. `aliyun/alicloud`; default: the only provider in the schema. */
  source?: string;
}

/** The generator's name and version, written into every file header (bump when the output changes). */
export const GENERATOR = 'alicloud-image cdktf-bindings 2';

/** Members of cdktf's base classes and meta-arguments a generated name must not shadow (suffixed `Attribute`). */
const RESERVED = new Set([
  'node',
  'fqn',
  'friendlyUniqueId',
  'terraformResourceType',
  'terraformGeneratorMetadata',
  'terraformMetaArguments',
  'dependsOn',
  'count',
  'provider',
  'lifecycle',
  'forEach',
  'provisioners',
  'connection',
  'cdktfStack',
  'stack',
  'rawOverrides',
  'toString',
  'toMetadata',
  'toTerraform',
  'toHclTerraform',
  'with',
  'addOverride',
  'overrideLogicalId',
  'resetOverrideLogicalId',
  'interpolationForAttribute',
  'importFrom',
  'moveTo',
  'moveToId',
  'moveFromId',
  'hasResourceMove',
  'terraformResource',
  'terraformAttribute',
  'creationStack',
  'resolve',
  'computeFqn',
  'complexObjectIndex',
  'complexObjectIsFromSet',
  'wrapsSet',
  'get',
  'allWithMapKey',
  'alias',
  'terraformProviderSource',
  'metaAttributes',
  'constructor',
]);

const camel = (s: string) => s.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
const pascal = (s: string) => camel(s).replace(/^[a-z]/, (c) => c.toUpperCase());
const kebab = (s: string) => s.replace(/_/g, '-');
/** The TypeScript property name of a Terraform attribute. */
export const propertyName = (tf: string) => (RESERVED.has(camel(tf)) ? `${camel(tf)}Attribute` : camel(tf));

function doc(text: string | undefined, indent: string, extra: string[] = []): string {
  const lines = [...(text ? text.split('\n') : []), ...extra].map((l) => l.replace(/\*\//g, '*\\/').trimEnd());
  if (lines.length === 0) return '';
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

const isCollection = (t: unknown): t is [string, unknown] => Array.isArray(t) && ['list', 'set', 'map'].includes(t[0] as string);
const isObjectType = (t: unknown): t is ['object', Record<string, CtyType>] => Array.isArray(t) && t[0] === 'object';

/** An object type's fields as a block of computed attributes. */
const objectBlock = (fields: Record<string, CtyType>): BlockJson => ({
  attributes: Object.fromEntries(Object.entries(fields).map(([k, type]) => [k, { type, computed: true }])),
});

/** True when a block has anything a user can set (else it is output only, like a data source's result list). */
const configurable = (b: BlockJson): boolean =>
  Object.values(b.attributes ?? {}).some((a) => a.optional || a.required) ||
  Object.values(b.block_types ?? {}).some((x) => configurable(x.block));

/** The config (input) type of an attribute. */
function inputType(t: CtyType | undefined): string {
  if (t === 'string') return 'string';
  if (t === 'number') return 'number';
  if (t === 'bool') return 'boolean | cdktf.IResolvable';
  if (isCollection(t) && (t[1] === 'string' || t[1] === 'number' || t[1] === 'bool')) {
    const el = t[1] === 'bool' ? '(boolean | cdktf.IResolvable)' : inputType(t[1] as CtyType);
    return t[0] === 'map' ? `{ [key: string]: ${el} } | cdktf.IResolvable` : `${el}[] | cdktf.IResolvable`;
  }
  return 'unknown';
}

/** Builds the text of one generated module (a resource, data source or the provider). */
class ModuleWriter {
  private readonly parts: string[] = [];
  constructor(private readonly header: string) {}

  add(text: string): void {
    this.parts.push(text);
  }

  /** Config interface of a block plus interfaces of its nested blocks; returns the synthesis shape literal. */
  configInterface(name: string, block: BlockJson, extendsClause: string, docText?: string): string {
    const fields: string[] = [];
    const shape: string[] = [];
    for (const [tf, a] of Object.entries(block.attributes ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      if (!a.optional && !a.required) continue;
      const prop = propertyName(tf);
      const flags = [a.required ? 'Required.' : 'Optional.', a.sensitive ? 'Sensitive.' : '', a.deprecated ? '@deprecated' : '']
        .filter(Boolean)
        .join(' ');
      fields.push(
        `${doc(a.description, '  ', [`Terraform: \`${tf}\`. ${flags}`])}  readonly ${prop}${a.required ? '' : '?'}: ${a.nested_type ? 'unknown' : inputType(a.type)};`,
      );
      shape.push(`${prop}: ${JSON.stringify(tf)}`);
    }
    for (const [tf, b] of Object.entries(block.block_types ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      if (!configurable(b.block)) continue;
      const prop = propertyName(tf);
      const sub = `${name.replace(/Config$/, '')}${pascal(tf)}`;
      const subShape = this.configInterface(sub, b.block, '', b.block.description);
      const many = b.nesting_mode === 'list' || b.nesting_mode === 'set';
      const type = b.nesting_mode === 'map' ? `{ [key: string]: ${sub} }` : many ? `${sub}[] | cdktf.IResolvable` : sub;
      const required = (b.min_items ?? 0) > 0;
      const limits = many ? ` Items: ${b.min_items ?? 0} to ${b.max_items ?? 'any'}.` : '';
      fields.push(
        `${doc(b.block.description, '  ', [`Terraform block: \`${tf}\` (${b.nesting_mode}).${limits}`])}  readonly ${prop}${required ? '' : '?'}: ${type};`,
      );
      shape.push(`${prop}: [${JSON.stringify(tf)}, ${subShape}${b.nesting_mode === 'map' ? ", 'map'" : ''}]`);
    }
    this.add(`${doc(docText, '')}export interface ${name}${extendsClause ? ` extends ${extendsClause}` : ''} {\n${fields.join('\n')}\n}\n`);
    return `{ ${shape.join(', ')} }`;
  }

  /** Getter lines for the attributes and nested blocks of a block (or object element), emitting helper classes as needed. */
  getters(owner: string, block: BlockJson): string {
    const lines: string[] = [];
    const getter = (tf: string, description: string | undefined, type: string, body: string) =>
      lines.push(
        `${doc(description, '  ', [`Terraform: \`${tf}\`.`])}  public get ${propertyName(tf)}(): ${type} {\n    return ${body};\n  }`,
      );
    for (const [tf, a] of Object.entries(block.attributes ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      const q = JSON.stringify(tf);
      const t = a.nested_type ? undefined : a.type;
      const base = `${owner}${pascal(tf)}`;
      if (t === 'string') getter(tf, a.description, 'string', `this.getStringAttribute(${q})`);
      else if (t === 'number') getter(tf, a.description, 'number', `this.getNumberAttribute(${q})`);
      else if (t === 'bool') getter(tf, a.description, 'cdktf.IResolvable', `this.getBooleanAttribute(${q})`);
      else if (isCollection(t) && t[0] !== 'map' && t[1] === 'string') getter(tf, a.description, 'string[]', `this.getListAttribute(${q})`);
      else if (isCollection(t) && t[0] !== 'map' && t[1] === 'number')
        getter(tf, a.description, 'number[]', `this.getNumberListAttribute(${q})`);
      else if (isCollection(t) && t[0] === 'map' && t[1] === 'string')
        getter(tf, a.description, '{ [key: string]: string }', `this.getStringMapAttribute(${q})`);
      else if (isCollection(t) && t[0] === 'map' && t[1] === 'number')
        getter(tf, a.description, '{ [key: string]: number }', `this.getNumberMapAttribute(${q})`);
      else if (isCollection(t) && t[0] !== 'map' && isObjectType(t[1])) {
        this.objectClasses(base, objectBlock(t[1][1]));
        getter(tf, a.description, `${base}List`, `new ${base}List(this, ${q}, ${t[0] === 'set'})`);
      } else if (isObjectType(t)) {
        this.objectClasses(base, objectBlock(t[1]));
        getter(tf, a.description, `${base}OutputReference`, `new ${base}OutputReference(this, ${q}, false)`);
      } else getter(tf, a.description, 'cdktf.IResolvable', `this.interpolationForAttribute(${q})`);
    }
    for (const [tf, b] of Object.entries(block.block_types ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      const q = JSON.stringify(tf);
      const base = `${owner}${pascal(tf)}`;
      if (b.nesting_mode === 'list' || b.nesting_mode === 'set') {
        this.objectClasses(base, b.block);
        getter(tf, b.block.description, `${base}List`, `new ${base}List(this, ${q}, ${b.nesting_mode === 'set'})`);
      } else if (b.nesting_mode === 'single' || b.nesting_mode === 'group') {
        this.objectClasses(base, b.block);
        getter(tf, b.block.description, `${base}OutputReference`, `new ${base}OutputReference(this, ${q}, false)`);
      } else getter(tf, b.block.description, 'cdktf.IResolvable', `this.interpolationForAttribute(${q})`);
    }
    return lines.join('\n\n');
  }

  /** `XOutputReference` (one element) and `XList` (`get(index)`) for a list/set of objects or blocks. */
  private objectClasses(base: string, block: BlockJson): void {
    const getters = this.getters(base, block);
    this.add(`/** One element of \`${base}List\` (or a single nested object); each getter is a token for that field. */
export class ${base}OutputReference extends cdktf.ComplexObject {
  constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIsFromSet: boolean, complexObjectIndex?: number) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

${getters}
}

/** A list of objects: \`get(index)\` gives a typed element. */
export class ${base}List extends cdktf.ComplexList {
  constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  public get(index: number): ${base}OutputReference {
    return new ${base}OutputReference(this.terraformResource, this.terraformAttribute, this.wrapsSet, index);
  }
}
`);
  }

  text(): string {
    return `${this.header}${this.parts.join('\n')}`;
  }
}

const RUNTIME = `/** Synthesis helper shared by the generated classes: camelCase config to Terraform's snake_case JSON. */
import * as cdktf from 'cdktf';

/** camelCase property to Terraform name, or [name, nested block shape, 'map' for map-nested blocks]. */
export type Shape = { readonly [property: string]: string | readonly [string, Shape] | readonly [string, Shape, 'map'] };

/** Renames the properties of \`config\` the shape knows; tokens and map values pass through untouched. */
export function toTerraform(shape: Shape, config: object | undefined): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = {};
  if (config === undefined) return out;
  for (const [property, spec] of Object.entries(shape)) {
    const value = (config as { [property: string]: unknown })[property];
    if (value === undefined) continue;
    if (typeof spec === 'string') out[spec] = value;
    else out[spec[0]] = nested(spec[1], value, spec[2] === 'map');
  }
  return out;
}

function nested(shape: Shape, value: unknown, isMap: boolean): unknown {
  if (cdktf.Tokenization.isResolvable(value) || value === null || typeof value !== 'object') return value;
  const one = (v: unknown) => (cdktf.Tokenization.isResolvable(v) ? v : toTerraform(shape, v as object));
  if (Array.isArray(value)) return value.map(one);
  if (isMap) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, one(v)]));
  return toTerraform(shape, value);
}
`;

/** Picks the provider entry; returns its full address and short source (`aliyun/alicloud`). */
function pickProvider(
  schema: ProviderSchemasJson,
  source?: string,
): { address: string; source: string; name: string; entry: ProviderSchemaJson } {
  const addresses = Object.keys(schema.provider_schemas ?? {});
  const short = (a: string) => a.split('/').slice(-2).join('/');
  const address = source ? addresses.find((a) => a === source || short(a) === source) : addresses.length === 1 ? addresses[0] : undefined;
  if (!address)
    throw new Error(
      `schema: provider ${source ? `"${source}" ` : ''}not found; the schema has ${addresses.length ? addresses.map((a) => `"${a}"`).join(', ') : 'no providers'}${source ? '' : ' (pass the source, e.g. "aliyun/alicloud")'}`,
    );
  return { address, source: short(address), name: address.split('/').pop()!, entry: schema.provider_schemas[address]! };
}

/** Stable SHA-256 of the parts of the schema the bindings are made from. */
export function schemaDigest(entry: ProviderSchemaJson): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  const picked = {
    provider: entry.provider,
    resource_schemas: entry.resource_schemas ?? {},
    data_source_schemas: entry.data_source_schemas ?? {},
  };
  return createHash('sha256')
    .update(JSON.stringify(sort(picked)))
    .digest('hex');
}

/**
 * The bindings for one provider of a `providers schema -json` document, as
 * `path -> text`, paths relative to the output folder (`providers/<name>/...`).
 * Pure and deterministic: the same schema gives byte-identical files.
 */
export function generateCdktfBindings(schema: ProviderSchemasJson, options: GenerateOptions = {}): Map<string, string> {
  const { address, source, name, entry } = pickProvider(schema, options.source);
  const digest = schemaDigest(entry);
  const header = `// Generated by ${GENERATOR} from \`terraform providers schema -json\` (${address}).\n// Do not edit: run \`npm run get\` in examples/seed-typescript.\n`;
  const root = `providers/${name}`;
  const files = new Map<string, string>();
  const modules: Array<[string, string]> = [];
  const imports = `import * as cdktf from 'cdktf';\nimport type { Construct } from 'constructs';\nimport { toTerraform, type Shape } from '../runtime.js';\n\n`;
  const meta = `{ providerName: ${JSON.stringify(name)} }`;

  const elements: Array<{ tfType: string; folder: string; cls: string; kind: 'resource' | 'data'; block: BlockJson }> = [
    ...Object.entries(entry.resource_schemas ?? {}).map(([t, s]) => ({
      tfType: t,
      folder: kebab(t.replace(new RegExp(`^${name}_`), '')),
      cls: pascal(t.replace(new RegExp(`^${name}_`), '')),
      kind: 'resource' as const,
      block: s.block,
    })),
    ...Object.entries(entry.data_source_schemas ?? {}).map(([t, s]) => ({
      tfType: t,
      folder: `data-${kebab(t)}`,
      cls: `Data${pascal(t)}`,
      kind: 'data' as const,
      block: s.block,
    })),
  ].sort((a, b) => a.folder.localeCompare(b.folder));

  for (const el of elements) {
    const w = new ModuleWriter(header + imports);
    const shape = w.configInterface(`${el.cls}Config`, el.block, 'cdktf.TerraformMetaArguments', el.block.description);
    const optional =
      !Object.values(el.block.attributes ?? {}).some((a) => a.required) &&
      !Object.values(el.block.block_types ?? {}).some((b) => (b.min_items ?? 0) > 0);
    const base = el.kind === 'resource' ? 'cdktf.TerraformResource' : 'cdktf.TerraformDataSource';
    const getters = w.getters(el.cls, el.block);
    w.add(`const shape: Shape = ${shape};

${doc(el.block.description, '', [`Terraform ${el.kind === 'resource' ? 'resource' : 'data source'} \`${el.tfType}\`.`])}export class ${el.cls} extends ${base} {
  /** The Terraform type name. */
  public static readonly tfResourceType = ${JSON.stringify(el.tfType)};

  private readonly tfConfig: ${el.cls}Config;

  constructor(scope: Construct, id: string, config: ${el.cls}Config${optional ? ' = {}' : ''}) {
    super(scope, id, {
      terraformResourceType: ${JSON.stringify(el.tfType)},
      terraformGeneratorMetadata: ${meta},
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
      provisioners: config.provisioners,
      connection: config.connection,
    });
    this.tfConfig = config;
  }

${getters}

  protected override synthesizeAttributes(): { [name: string]: any } {
    return toTerraform(shape, this.tfConfig);
  }
}
`);
    files.set(`${root}/${el.folder}/index.ts`, w.text());
    modules.push([camel(el.folder), el.folder]);
  }

  const pw = new ModuleWriter(header + imports);
  const providerCls = `${pascal(name)}Provider`;
  const pshape = pw.configInterface(`${providerCls}Config`, entry.provider?.block ?? {}, '', entry.provider?.block.description);
  pw.add(`const shape: Shape = ${pshape};

/** The \`${name}\` provider block (source \`${source}\`). Set \`alias\` for a second configuration. */
export class ${providerCls} extends cdktf.TerraformProvider {
  /** The Terraform type name. */
  public static readonly tfResourceType = ${JSON.stringify(name)};

  private readonly tfConfig: ${providerCls}Config;

  constructor(scope: Construct, id: string, config: ${providerCls}Config & { readonly alias?: string } = {}) {
    super(scope, id, { terraformResourceType: ${JSON.stringify(name)}, terraformGeneratorMetadata: ${meta}, terraformProviderSource: ${JSON.stringify(source)} });
    this.tfConfig = config;
    this.alias = config.alias;
  }

  protected override synthesizeAttributes(): { [name: string]: any } {
    return { ...toTerraform(shape, this.tfConfig), alias: this.alias };
  }
}
`);
  files.set(`${root}/provider/index.ts`, pw.text());
  modules.push(['provider', 'provider']);
  files.set(`${root}/runtime.ts`, header + RUNTIME);
  const index = modules
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ns, folder]) => `export * as ${ns} from './${folder}/index.js';`)
    .join('\n');
  files.set(
    `${root}/index.ts`,
    `${header}// Schema sha256 ${digest}.\n// Provider ${address}: ${elements.filter((e) => e.kind === 'resource').length} resources, ${elements.filter((e) => e.kind === 'data').length} data sources.\n${index}\n`,
  );
  return files;
}

/**
 * Runs `terraform providers schema -json` in a temp folder whose CLI config has
 * dev_overrides for `source` pointing at `providerBinDir` (no `terraform init`).
 * Throws with terraform's stderr when it fails.
 */
export function readProviderSchema(options: { providerBinDir: string; source?: string; terraform?: string }): ProviderSchemasJson {
  const source = options.source ?? 'aliyun/alicloud';
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-bindings-'));
  try {
    writeFileSync(
      join(dir, 'terraform.rc'),
      `provider_installation {\n  dev_overrides {\n    ${JSON.stringify(source)} = ${JSON.stringify(resolve(options.providerBinDir))}\n  }\n  direct {}\n}\n`,
    );
    writeFileSync(
      join(dir, 'main.tf.json'),
      JSON.stringify({ terraform: { required_providers: { [source.split('/').pop()!]: { source } } } }),
    );
    const r = spawnSync(options.terraform ?? 'terraform', ['providers', 'schema', '-json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'terraform.rc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
    });
    if (r.error) throw new Error(`cannot run terraform (${r.error.message}); install Terraform >= 1.5 and put it on PATH`);
    if (r.status !== 0) throw new Error(`terraform providers schema -json failed (exit ${r.status}):\n${r.stderr}`);
    return JSON.parse(r.stdout) as ProviderSchemasJson;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Paths (relative to `outDir`) that are missing, different or extra compared with `files`, under the providers they cover. */
export function staleBindings(outDir: string, files: Map<string, string>): string[] {
  const roots = new Set([...files.keys()].map((p) => p.split('/').slice(0, 2).join('/')));
  const stale = [...files]
    .filter(([p, text]) => !existsSync(join(outDir, p)) || readFileSync(join(outDir, p), 'utf8') !== text)
    .map(([p]) => p);
  for (const r of roots) for (const f of listFiles(join(outDir, r))) if (!files.has(`${r}/${f}`)) stale.push(`${r}/${f}`);
  return stale.sort();
}

/** Replaces the provider folders under `outDir` with `files`. */
export function writeBindings(outDir: string, files: Map<string, string>): void {
  for (const r of new Set([...files.keys()].map((p) => p.split('/').slice(0, 2).join('/'))))
    rmSync(join(outDir, r), { recursive: true, force: true });
  for (const [p, text] of files) {
    mkdirSync(dirname(join(outDir, p)), { recursive: true });
    writeFileSync(join(outDir, p), text);
  }
}

function main(argv: string[]): number {
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') opts.check = true;
    else if (['--out', '--schema', '--provider-bin', '--source'].includes(a) && argv[i + 1] !== undefined) opts[a.slice(2)] = argv[++i]!;
    else {
      process.stderr.write(
        `cdktf-bindings: unknown argument "${a}". Use: [--out DIR] [--schema FILE] [--provider-bin DIR] [--source aliyun/alicloud] [--check]\n`,
      );
      return 2;
    }
  }
  const outDir = resolve(String(opts.out ?? '.gen'));
  const source = typeof opts.source === 'string' ? opts.source : 'aliyun/alicloud';
  try {
    const schema =
      typeof opts.schema === 'string'
        ? (JSON.parse(readFileSync(opts.schema, 'utf8')) as ProviderSchemasJson)
        : readProviderSchema({ providerBinDir: String(opts['provider-bin'] ?? join(projectRoot, 'bin')), source });
    const files = generateCdktfBindings(schema, { source });
    if (opts.check) {
      const stale = staleBindings(outDir, files);
      if (stale.length === 0) {
        process.stdout.write(`cdktf-bindings: ${outDir} is current (${files.size} files)\n`);
        return 0;
      }
      process.stderr.write(
        `cdktf-bindings: ${stale.length} file(s) under ${outDir} differ from the provider's schema; run \`npm run get\`:\n${stale.map((s) => `  ${s}`).join('\n')}\n`,
      );
      return 1;
    }
    writeBindings(outDir, files);
    process.stdout.write(`cdktf-bindings: wrote ${files.size} files under ${outDir}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`cdktf-bindings: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));

/**
 * Registry-layout Markdown docs rendered from a schema and the type's {@link TypeDocs}: front
 * matter (subcategory), title, description, availability and product link, example usage,
 * Argument Reference (flags, defaults, allowed values and rules from validators), nested
 * block sections, Attributes Reference (computed-only), Timeouts and Import; and
 * {@link providerDocFiles}, every page and example file of a provider's registry.
 *
 * Each fact is said once: descriptions say what an attribute is for and what happens when it
 * is unset; rules (lengths, counts, patterns, prefixes, enums, conflicts, defaults) are
 * rendered here from the declarations, one sentence per subject ("Each key must ...").
 * Output is deterministic: members are listed in name order, required before optional.
 */
import type { ProviderDefinition, ResourceDocs } from './resource.js';
import { wireFlags } from './schema/to-protocol.js';
import { typeLabel as nodeLabel, viewOf } from './schema/type-node.js';
import { boundsText } from './schema/validators.js';
import type { Attribute, Block, ObjectElementType, ObjectShape, Schema, TypeNode, Validator } from './schema/types.js';

export interface DocsOptions extends Partial<ResourceDocs> {
  kind: 'resource' | 'data-source';
  /** Provider name for the front matter, e.g. "alicloud". */
  provider?: string;
}

function typeLabel(a: Attribute): string {
  return nodeLabel(a.type);
}

/** The object inside a (possibly nested) collection type, if any. */
function innerObject(t: TypeNode): ObjectElementType | undefined {
  const view = viewOf(t);
  return view.kind === 'object' ? view.object : view.kind === 'collection' ? innerObject(view.element) : undefined;
}

/** " Each element contains:" plus one indented bullet per object field (recursively), like the registry's pages. */
function withFields(line: string, t: TypeNode, indent = '  '): string {
  const obj = innerObject(t);
  if (!obj) return line;
  const out = [`${line} Each element contains:`];
  for (const [name, f] of Object.entries(obj.fields)) {
    const text = f.description?.trim();
    out.push(withFields(`${indent}* \`${name}\` - (${nodeLabel(f.type)})${text ? ` ${text}` : ''}`, f.type, `${indent}  `));
  }
  return out.join('\n');
}

function literal(x: unknown): string {
  return typeof x === 'string' ? `"${x}"` : JSON.stringify(x);
}

const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a", "a and b", "a, b and c". */
function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The rules of `checks` on one subject (the value, "Each key", "Each value") as sentences: the
 * predicates joined into one ("Each key must be 1 to 128 characters long and must not start
 * with ..."), then the valid values. `element` is the subject's type (lengths of strings read as characters).
 */
function subjectSentences(subject: string, checks: readonly Validator<unknown>[], element: TypeNode | undefined): string[] {
  const predicates: string[] = [];
  const values: string[] = [];
  for (const c of checks) {
    if (c.allowedValues) values.push(`${subject ? `${subject} must be one of` : 'Valid values:'} ${code(c.allowedValues.map(String))}.`);
    else if (c.length && element === 'string') predicates.push(`must be ${boundsText(c.length.min, c.length.max)} characters long`);
    else if (c.description) predicates.push(c.description);
  }
  const joined = predicates.length > 0 ? [capitalize(`${subject ? `${subject} ` : ''}${joinAnd(predicates)}.`)] : [];
  return [...joined, ...values];
}

/** The rules of an attribute's validators: counts of collections first, then the value, key and element rules. */
function ruleSentences(a: Attribute): string[] {
  const o = a.options;
  const t = a.type;
  const own = (o.validators ?? []) as readonly Validator<unknown>[];
  if (!t.collection) return subjectSentences('', own, t.element);
  const members = t.collection === 'map' ? 'entries' : 'items';
  const counts = own
    .filter((c) => c.length)
    .map((c) => `${capitalize(boundsText(c.length!.min, c.length!.max))} ${c.length!.noun ?? members}.`);
  return [
    ...counts,
    ...subjectSentences(
      '',
      own.filter((c) => !c.length),
      undefined,
    ),
    ...subjectSentences('Each key', (o.keyValidators ?? []) as readonly Validator<unknown>[], 'string'),
    ...subjectSentences(
      t.collection === 'map' ? 'Each value' : 'Each element',
      (o.elementValidators ?? []) as readonly Validator<unknown>[],
      t.element,
    ),
  ];
}

/** Members that may not be set together with `name`: its own `conflictsWith` and every sibling naming it. */
function conflictsOf(name: string, shape: ObjectShape): string[] {
  const members = [...Object.entries(shape.attributes), ...Object.entries(shape.blocks ?? {})];
  const own = members.find(([n]) => n === name)?.[1].options.conflictsWith ?? [];
  const back = members.filter(([, m]) => m.options.conflictsWith?.includes(name)).map(([n]) => n);
  return [...new Set([...own, ...back])].sort();
}

/** Sentences about `name` that come from the object level: conflicts and exactly/at-least-one groups. */
function relationSentences(name: string, shape: ObjectShape): string[] {
  const out: string[] = [];
  const conflicts = conflictsOf(name, shape);
  if (conflicts.length) out.push(`Conflicts with ${code(conflicts)}.`);
  for (const group of shape.exactlyOneOf ?? []) if (group.includes(name)) out.push(`Exactly one of ${code(group)} must be set.`);
  for (const group of shape.atLeastOneOf ?? []) if (group.includes(name)) out.push(`At least one of ${code(group)} must be set.`);
  return out;
}

function argumentLine(name: string, a: Attribute, shape: ObjectShape): string {
  const o = a.options;
  const flags = wireFlags(a);
  const tags = [flags.required ? 'Required' : 'Optional'];
  // Optional+Computed without a default: unset means "the provider or the cloud decides" (the description says how).
  if (flags.computed && !flags.required && o.default === undefined) tags.push('Computed');
  tags.push(typeLabel(a));
  if (o.requiresReplace) tags.push('ForceNew');
  if (o.sensitive) tags.push('Sensitive');
  if (o.deprecated !== undefined) tags.push('Deprecated');
  if (o.ignored) tags.push('Ignored');
  const extra = [...ruleSentences(a), ...relationSentences(name, shape)];
  if (o.default !== undefined) extra.push(`Defaults to \`${literal(o.default)}\`.`);
  if (o.deprecated !== undefined) extra.push(`**Deprecated:** ${o.deprecated}`);
  return withFields([`* \`${name}\` - (${tags.join(', ')}) ${o.description.trim()}`, ...extra].join(' '), a.type);
}

/** The anchor GitHub gives the heading of a nested block section (`features.ecs_instance` -> `featuresecs_instance`). */
function anchorOf(path: string): string {
  return path
    .toLowerCase()
    .replace(/[^a-z0-9_ -]/g, '')
    .replace(/ /g, '-');
}

function blockLine(name: string, b: Block, shape: ObjectShape, path = name): string {
  const { minItems = 0, maxItems = 0 } = b.options;
  const tags = [
    minItems > 0 ? 'Required' : 'Optional',
    ...(b.options.computed ? ['Computed'] : []),
    b.nesting === 'single' ? 'Block' : `Block ${b.nesting[0]!.toUpperCase()}${b.nesting.slice(1)}`,
  ];
  if (b.nesting !== 'single' && maxItems > 0) tags.push(`Max: ${maxItems}`);
  if (b.nesting !== 'single' && minItems > 0) tags.push(`Min: ${minItems}`);
  if (b.options.requiresReplace) tags.push('ForceNew');
  if (b.options.deprecated !== undefined) tags.push('Deprecated');
  const relations = relationSentences(name, shape);
  return [
    `* \`${name}\` - (${tags.join(', ')}) ${b.options.description.trim()}`,
    ...relations,
    `See [\`${name}\`](#${anchorOf(path)}) below.`,
  ].join(' ');
}

function sortedArguments(shape: ObjectShape): [string, Attribute][] {
  return Object.entries(shape.attributes)
    .filter(([, a]) => wireFlags(a).required || wireFlags(a).optional)
    .sort(([na, a], [nb, b]) => Number(!wireFlags(a).required) - Number(!wireFlags(b).required) || na.localeCompare(nb));
}

function computedOnly(shape: ObjectShape): [string, Attribute][] {
  return Object.entries(shape.attributes)
    .filter(([, a]) => !wireFlags(a).required && !wireFlags(a).optional)
    .sort(([a], [b]) => a.localeCompare(b));
}

function renderArguments(shape: ObjectShape, out: string[], sections: [string, Block][], prefix = ''): void {
  for (const [name, a] of sortedArguments(shape)) out.push(argumentLine(name, a, shape));
  const blocks = Object.entries(shape.blocks ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [name, b] of blocks) {
    out.push(blockLine(name, b, shape, prefix + name));
    sections.push([name, b]);
  }
}

/** The front matter and header: subcategory, title, description, availability, product link. */
function header(typeName: string, schema: Schema, options: DocsOptions): string[] {
  const provider = options.provider ?? typeName.split('_')[0]!;
  const label = options.kind === 'resource' ? 'Resource' : 'Data Source';
  const firstLine = schema.description.trim().split('\n')[0] ?? '';
  const out = ['---'];
  if (options.subcategory) out.push(`subcategory: "${options.subcategory}"`);
  out.push(`page_title: "${typeName} ${label} - ${provider}"`, 'description: |-', `  ${firstLine}`, '---', '');
  out.push(`# ${typeName} (${label})`, '', schema.description.trim(), '');
  if (options.productDocs) out.push(`Alibaba Cloud documentation: [${options.productDocs.title}](${options.productDocs.url}).`, '');
  if (options.availableSince)
    out.push(`-> **NOTE:** Available since v${options.availableSince} of the official \`aliyun/alicloud\` provider.`, '');
  if (schema.deprecated !== undefined) out.push(`~> **Deprecated:** ${schema.deprecated}`, '');
  return out;
}

/** Render Markdown docs for a resource or data source type. */
export function renderDocs(typeName: string, schema: Schema, options: DocsOptions): string {
  const provider = options.provider ?? typeName.split('_')[0]!;
  const out = header(typeName, schema, options);
  if (options.example) out.push('## Example Usage', '', '```terraform', options.example.trim(), '```', '');

  out.push('## Argument Reference', '', 'The following arguments are supported:', '');
  const sections: [string, Block][] = [];
  renderArguments(schema, out, sections);
  if (schema.timeouts) out.push('* `timeouts` - (Optional, Block) Operation timeouts. See [Timeouts](#timeouts) below.');
  out.push('');
  while (sections.length > 0) {
    const [name, b] = sections.shift()!;
    out.push(`### \`${name}\``, '', `The \`${name}\` block supports:`, '');
    const nested: [string, Block][] = [];
    renderArguments(b.options, out, nested, `${name}.`);
    for (const [n, a] of computedOnly(b.options))
      out.push(withFields(`* \`${n}\` - (Computed, ${typeLabel(a)}) ${a.options.description.trim()}`, a.type));
    out.push('');
    sections.push(...nested.map(([n, x]) => [`${name}.${n}`, x] as [string, Block]));
  }

  const computed = computedOnly(schema);
  out.push('## Attributes Reference', '', 'In addition to all arguments above, the following attributes are exported:', '');
  for (const [name, a] of computed) out.push(withFields(`* \`${name}\` - (${typeLabel(a)}) ${a.options.description.trim()}`, a.type));
  if (computed.length === 0) out.push('No additional attributes.');
  out.push('');

  if (schema.timeouts) {
    out.push(
      '## Timeouts',
      '',
      'The `timeouts` block allows you to specify [timeouts](https://developer.hashicorp.com/terraform/language/resources/syntax#operation-timeouts) for certain actions:',
      '',
    );
    for (const op of ['create', 'read', 'update', 'delete'] as const) {
      const d = schema.timeouts[op];
      if (d !== undefined)
        out.push(
          `* \`${op}\` - (Defaults to \`${d}\`) Used when ${op === 'read' ? 'reading' : `${op.slice(0, -1)}ing`} the ${typeName.replace(`${provider}_`, '').replace(/_/g, ' ')}.`,
        );
    }
    out.push('');
  }
  if (options.kind === 'resource' && options.importId !== undefined) {
    out.push(
      '## Import',
      '',
      `${typeName} can be imported using the id, e.g.`,
      '',
      '```shell',
      `terraform import ${typeName}.example ${options.importId}`,
      '```',
      '',
    );
    if (options.importNote) out.push(options.importNote, '');
  }
  return out.join('\n');
}

/** The page name of a type: `alicloud_resource_manager_resource_groups` -> `resource_manager_resource_groups`. */
function pageName(typeName: string, prefix: string): string {
  return typeName.slice(prefix.length + 1);
}

/** `examples/resources/<type>/import.sh`: the import command for the documented id. */
export function importScript(typeName: string, importId: string): string {
  return `# An existing ${typeName} can be imported using its id.\nterraform import ${typeName}.default ${importId}\n`;
}

/**
 * Every registry page and example file of a provider, by repository-relative path, in registry
 * order (resources, then data sources), as tfplugindocs lays them out: `docs/resources/<name>.md`
 * + `examples/resources/<type>/resource.tf` and `import.sh`; `docs/data-sources/<name>.md` +
 * `examples/data-sources/<type>/data-source.tf`.
 */
export function providerDocFiles<PS extends Schema, C>(definition: ProviderDefinition<PS, C>): Record<string, string> {
  const prefix = definition.typeNamePrefix;
  const out: Record<string, string> = {};
  for (const r of definition.resources) {
    out[`docs/resources/${pageName(r.typeName, prefix)}.md`] = renderDocs(r.typeName, r.schema, {
      kind: 'resource',
      provider: prefix,
      ...r.docs,
    });
    out[`examples/resources/${r.typeName}/resource.tf`] = r.docs.example;
    out[`examples/resources/${r.typeName}/import.sh`] = importScript(r.typeName, r.docs.importId);
  }
  for (const d of definition.dataSources ?? []) {
    out[`docs/data-sources/${pageName(d.typeName, prefix)}.md`] = renderDocs(d.typeName, d.schema, {
      kind: 'data-source',
      provider: prefix,
      ...d.docs,
    });
    out[`examples/data-sources/${d.typeName}/data-source.tf`] = d.docs.example;
  }
  return out;
}

/** The types of a provider as Markdown links to their pages (for an index page). */
export function typeLinks<PS extends Schema, C>(definition: ProviderDefinition<PS, C>, kind: 'resource' | 'data-source'): string[] {
  const list = kind === 'resource' ? definition.resources : (definition.dataSources ?? []);
  const folder = kind === 'resource' ? 'resources' : 'data-sources';
  return list
    .map((t) => t.typeName)
    .sort()
    .map((n) => `[${n}](${folder}/${pageName(n, definition.typeNamePrefix)}.md)`);
}

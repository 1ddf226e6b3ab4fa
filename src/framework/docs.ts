/**
 * Registry-layout Markdown docs rendered from a schema: title, description, example usage,
 * Argument Reference (flags, defaults, allowed values and rules from validators), nested
 * block sections, Attributes Reference (computed-only), Timeouts and Import. Output is
 * deterministic: members are listed in name order, required before optional.
 */
import { wireFlags } from './schema/to-protocol.js';
import { typeLabel as nodeLabel, viewOf } from './schema/type-node.js';
import type { Attribute, Block, ObjectElementType, ObjectShape, Schema, TypeNode } from './schema/types.js';

export interface DocsOptions {
  kind: 'resource' | 'data-source';
  /** Provider name for the front matter, e.g. "alicloud". */
  provider?: string;
  /** HCL for the Example Usage section. */
  example?: string;
  /** Example id for the Import section (resources). */
  importId?: string;
  /** Markdown paragraphs after the import command (what import cannot recover, and so on). */
  importNote?: string;
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

function argumentLine(name: string, a: Attribute, shape: ObjectShape): string {
  const o = a.options;
  const flags = wireFlags(a);
  const tags = [flags.required ? 'Required' : 'Optional', typeLabel(a)];
  if (o.requiresReplace) tags.push('ForceNew');
  if (o.sensitive) tags.push('Sensitive');
  if (o.deprecated !== undefined) tags.push('Deprecated');
  if (o.ignored) tags.push('Ignored');
  let text = `* \`${name}\` - (${tags.join(', ')}) ${o.description.trim()}`;
  const extra: string[] = [];
  if (o.default !== undefined) extra.push(`Defaults to \`${literal(o.default)}\`.`);
  for (const check of [...(o.validators ?? []), ...(o.elementValidators ?? [])]) {
    extra.push(
      check.allowedValues
        ? `Valid values: ${check.allowedValues.map((x) => `\`${String(x)}\``).join(', ')}.`
        : `Value ${check.description}.`,
    );
  }
  for (const check of o.keyValidators ?? []) extra.push(`Keys ${check.description}.`);
  if (o.conflictsWith?.length) extra.push(`Conflicts with ${o.conflictsWith.map((n) => `\`${n}\``).join(', ')}.`);
  for (const group of shape.exactlyOneOf ?? [])
    if (group.includes(name)) extra.push(`Exactly one of ${group.map((n) => `\`${n}\``).join(', ')} must be set.`);
  for (const group of shape.atLeastOneOf ?? [])
    if (group.includes(name)) extra.push(`At least one of ${group.map((n) => `\`${n}\``).join(', ')} must be set.`);
  if (flags.computed && !flags.required && o.default === undefined) extra.push('If not set, the provider computes it.');
  if (o.deprecated !== undefined) extra.push(`**Deprecated:** ${o.deprecated}`);
  if (o.ignored) extra.push('Accepted for compatibility and ignored.');
  if (extra.length) text += ` ${extra.join(' ')}`;
  return withFields(text, a.type);
}

/** The anchor GitHub gives the heading of a nested block section (`features.ecs_instance` -> `featuresecs_instance`). */
function anchorOf(path: string): string {
  return path
    .toLowerCase()
    .replace(/[^a-z0-9_ -]/g, '')
    .replace(/ /g, '-');
}

function blockLine(name: string, b: Block, path = name): string {
  const { minItems = 0, maxItems = 0 } = b.options;
  const tags = [
    minItems > 0 ? 'Required' : 'Optional',
    b.nesting === 'single' ? 'Block' : `Block ${b.nesting[0]!.toUpperCase()}${b.nesting.slice(1)}`,
  ];
  if (b.nesting !== 'single' && maxItems > 0) tags.push(`Max: ${maxItems}`);
  if (b.nesting !== 'single' && minItems > 0) tags.push(`Min: ${minItems}`);
  if (b.options.requiresReplace) tags.push('ForceNew');
  if (b.options.deprecated !== undefined) tags.push('Deprecated');
  return `* \`${name}\` - (${tags.join(', ')}) ${b.options.description.trim()} See [\`${name}\`](#${anchorOf(path)}) below.`;
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
    out.push(blockLine(name, b, prefix + name));
    sections.push([name, b]);
  }
}

/** Render Markdown docs for a resource or data source type. */
export function renderDocs(typeName: string, schema: Schema, options: DocsOptions): string {
  const provider = options.provider ?? typeName.split('_')[0]!;
  const label = options.kind === 'resource' ? 'Resource' : 'Data Source';
  const firstLine = schema.description.trim().split('\n')[0] ?? '';
  const out: string[] = [
    '---',
    `page_title: "${typeName} ${label} - ${provider}"`,
    'description: |-',
    `  ${firstLine}`,
    '---',
    '',
    `# ${typeName} (${label})`,
    '',
    schema.description.trim(),
    '',
  ];
  if (schema.deprecated !== undefined) out.push(`~> **Deprecated:** ${schema.deprecated}`, '');
  if (options.example) out.push('## Example Usage', '', '```terraform', options.example.trim(), '```', '');

  out.push('## Argument Reference', '', 'The following arguments are supported:', '');
  const sections: [string, Block][] = [];
  renderArguments(schema, out, sections);
  if (schema.timeouts) out.push('* `timeouts` - (Optional, Block) Operation timeouts. See [Timeouts](#timeouts) below.');
  out.push('');
  while (sections.length > 0) {
    const [name, b] = sections.shift()!;
    out.push(`### \`${name}\``, '', b.options.description.trim(), '', `The \`${name}\` block supports:`, '');
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

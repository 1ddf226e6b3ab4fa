/**
 * Attribute validators derived from our action tables (`src/spec`), so a format rule is
 * written once, where the cloud's parameter is described, and never retyped in a schema:
 * lengths, patterns, forbidden prefixes (case-insensitive, as ECS checks them) and enums.
 */
import { v, type Validator } from '../../framework/index.js';
import type { ParamSpec, ScalarParam } from '../../spec/ecs/types.js';
import { PROVISIONED_IOPS_LIMIT } from '../../spec/ecs/disks.js';

/** `ProvisionedIops` of a cloud_auto disk (ECS also caps it by size, which only the API call can check). */
export const provisionedIopsRules: readonly Validator<number>[] = [v.range(0, PROVISIONED_IOPS_LIMIT)];

/** The scalar parameter `name` of a table (throws at load time when the table has none). */
export function specField(params: readonly ParamSpec[], name: string): ScalarParam {
  const p = params.find((x) => x.name === name);
  if (!p || p.kind !== 'scalar') throw new Error(`spec has no scalar parameter ${name}`);
  return p;
}

/** The scalar field `name` of the list or object parameter `parent`. */
export function specSubField(params: readonly ParamSpec[], parent: string, name: string): ScalarParam {
  const p = params.find((x) => x.name === parent);
  if (!p || (p.kind !== 'repeatList' && p.kind !== 'object')) throw new Error(`spec has no list/object parameter ${parent}`);
  return specField(p.fields, name);
}

/** Case-insensitive forbidden prefixes, as ECS checks them. */
export function notPrefixedWithAnyCase(prefixes: readonly string[]): Validator<string> {
  const list = prefixes.map((p) => `"${p}"`).join(', ');
  return v.custom(`must not start with ${prefixes.map((p) => `\`${p}\``).join(', ')}`, (value) => {
    const hit = prefixes.find((p) => value.toLowerCase().startsWith(p.toLowerCase()));
    return hit === undefined ? undefined : `must not start with ${list}, got ${JSON.stringify(value)}`;
  });
}

/** The words for ECS's name pattern (image names, families, security group names). */
export const NAME_WORDS = 'a letter or Chinese character first, then letters, digits, Chinese characters, ".", ":", "_" or "-"';

/** Validators of a string parameter from its table entry; `patternWords` says in words what its pattern allows. */
export function stringRules(p: ScalarParam, patternWords = NAME_WORDS): Validator<string>[] {
  const out: Validator<string>[] = [];
  if (p.minLength !== undefined || p.maxLength !== undefined) out.push(v.length(p.minLength ?? 0, p.maxLength));
  if (p.pattern) out.push(v.pattern(new RegExp(p.pattern, 'u'), patternWords));
  if (p.forbiddenPrefixes?.length) out.push(notPrefixedWithAnyCase(p.forbiddenPrefixes));
  if (p.enum) out.push(v.oneOf(...p.enum));
  return out;
}

/**
 * The `tags` attribute of every resource, built from the product's tag parameter in our action
 * tables (ECS `Tag.N` for images, instances and security groups; VPC `Tag.N` for VPCs and
 * vSwitches), and the tag-map translations every mapping needs.
 */
import { attr, v } from '../../framework/index.js';
import { tagResources, untagResources, type AlibabaCloudClient, type TagResourceType } from '../../ecs/index.js';
import type { RepeatListParam } from '../../spec/ecs/types.js';
import { specField, stringRules } from './spec-rules.js';

/**
 * An optional `tags` map whose count, key and value rules are the table's `Tag` parameter's.
 * `description` says whose tags they are; the rules are rendered by the docs generator.
 */
export function tagsAttribute<const D extends string>(tag: RepeatListParam, description: D) {
  return attr.map('string', {
    optional: true,
    description,
    validators: [v.count(0, tag.maxItems, 'tags')],
    keyValidators: stringRules(specField(tag.fields, 'Key'), ''),
    elementValidators: stringRules(specField(tag.fields, 'Value'), ''),
    meta: { ecs: tag.name },
  });
}

/** `{k: v}` -> `[{Key, Value}]`, or undefined when there are none. */
export function tagsToInput(tags: Record<string, string> | null | undefined): { Key: string; Value: string }[] | undefined {
  const list = Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return list.length ? list : undefined;
}

/** Remote tags for state: null when none exist and the prior state had none (config left it unset), so omitting `tags` never diffs. */
export function tagsForState(
  remote: Record<string, string>,
  prior: Record<string, string> | null | undefined,
): Record<string, string> | null {
  if (Object.keys(remote).length > 0) return remote;
  return prior === null || prior === undefined ? null : {};
}

/** Minimal tag change: keys to remove (sorted), and keys to add or overwrite. */
export function tagChanges(
  prior: Record<string, string> | null | undefined,
  wanted: Record<string, string> | null | undefined,
): { remove: string[]; upsert: Record<string, string> } {
  const before = prior ?? {};
  const after = wanted ?? {};
  const remove = Object.keys(before)
    .filter((k) => !(k in after))
    .sort();
  const upsert: Record<string, string> = {};
  for (const [k, val] of Object.entries(after)) if (before[k] !== val) upsert[k] = val;
  return { remove, upsert };
}

/** Bring the ECS tags of one resource from `prior` to `wanted` (UntagResources, then TagResources; nothing when equal). */
export async function syncEcsTags(
  client: AlibabaCloudClient,
  target: { resourceType: TagResourceType; id: string },
  prior: Record<string, string> | null | undefined,
  wanted: Record<string, string> | null | undefined,
  opts: { signal: AbortSignal; deadlineMs?: number },
): Promise<void> {
  const { remove, upsert } = tagChanges(prior, wanted);
  const resource = { resourceType: target.resourceType, resourceIds: [target.id] };
  if (remove.length > 0) await untagResources(client, { ...resource, keys: remove }, opts);
  if (Object.keys(upsert).length > 0) await tagResources(client, { ...resource, tags: upsert }, opts);
}

/**
 * Helpers shared by the network, security-group and instance resources: tag maps to and from
 * ECS, tag validators, and mapping empty remote strings to the prior null (no perpetual diffs).
 */
import { v } from '../../framework/index.js';

/** Tag keys: 1-128 characters, not starting with aliyun, acs:, http:// or https://. */
export const tagKeyValidators = [v.length(1, 128), v.notPrefixedWith('aliyun', 'acs:', 'http://', 'https://')];
/** Tag values: 0-128 characters, not starting with acs:, http:// or https://. */
export const tagValueValidators = [v.length(0, 128), v.notPrefixedWith('acs:', 'http://', 'https://')];
/** At most 20 tags per resource. */
export const tagMapValidators = [v.length(0, 20)];

/** `{k: v}` -> `[{Key, Value}]`, or undefined when there are none. */
export function tagsToInput(tags: Record<string, string> | null | undefined): { Key: string; Value: string }[] | undefined {
  const list = Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return list.length ? list : undefined;
}

/** Remote tags for state: null when none exist and the prior state had none (config left it unset). */
export function tagsForState(
  remote: Record<string, string>,
  prior: Record<string, string> | null | undefined,
): Record<string, string> | null {
  if (Object.keys(remote).length > 0) return remote;
  return prior === null || prior === undefined ? null : {};
}

/** A remote string for an optional attribute: "" stays null when the prior value was null. */
export function optionalString(remote: string, prior: string | null | undefined): string | null {
  return remote === '' && (prior === null || prior === undefined) ? null : remote;
}

/**
 * Keep two alias attributes (e.g. `vpc_name` and deprecated `name`) equal in the plan: the one
 * set in config decides the other, so a rename never leaves the alias planned at its old value.
 * Config null = unset, undefined = unknown (planned unknown too).
 */
export function syncAliasPlan(config: Record<string, unknown> | undefined, plan: Record<string, unknown>, a: string, b: string): void {
  if (config === undefined) return;
  if (config[a] !== null) plan[b] = config[a];
  else if (config[b] !== null) plan[a] = config[b];
}

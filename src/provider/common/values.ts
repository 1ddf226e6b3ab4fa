/** Small value rules shared by the mappings and plan adjustments of every resource. */

/** A remote string for an optional attribute: "" stays null when the prior value was null (no perpetual diff). */
export function optionalString(remote: string, prior: string | null | undefined): string | null {
  return remote === '' && (prior === null || prior === undefined) ? null : remote;
}

/**
 * A remote number or boolean for an optional, not computed attribute: the API's zero value (`0`,
 * `false`, what it reports when nothing was set) stays null when the prior value was null; any
 * other value is shown, so a change made outside Terraform appears in the plan.
 */
export function optionalValue<T extends number | boolean>(remote: T, zero: T, prior: T | null | undefined): T | null {
  return remote === zero && (prior === null || prior === undefined) ? null : remote;
}

/**
 * Keep two alias attributes (e.g. `vpc_name` and deprecated `name`) equal in the plan: the one
 * set in config decides the other, so a rename never leaves the alias planned at its old value.
 * Config null = unset, undefined = unknown (planned unknown too).
 */
export function syncAliasPlan<K extends string>(
  config: { readonly [P in K]?: unknown } | undefined,
  plan: { [P in K]?: unknown },
  a: K,
  b: K,
): void {
  if (config === undefined) return;
  if (config[a] !== null) plan[b] = config[a];
  else if (config[b] !== null) plan[a] = config[b];
}

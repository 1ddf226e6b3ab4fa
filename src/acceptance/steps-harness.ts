/**
 * Step sequences the way the official provider's acceptance framework runs them: each step is a
 * whole configuration (its attributes merged onto the previous step's, which the caller does by
 * writing the full HCL); every step applies and then plans clean; after the steps, an import of
 * every checked resource into an empty state must give the same attributes (ImportStateVerify),
 * except a named ignore list; destroy must leave nothing.
 *
 * Our own tests use it with configurations written by us from the official tests' facts
 * (argument names, values, step order); no official file is copied.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTerraformWorkspace, type TerraformWorkspace } from '../testing/terraform.js';
import { applyClean, tf, type Harness } from './image-harness.js';

export interface Step {
  /** What this step changes, for failure messages ("step 3: description"). */
  name: string;
  /** The whole configuration (resources and data sources) of this step. */
  config: string;
  /** Expected attribute values per resource address after the step (deep-equal per listed key). */
  expect?: Record<string, Record<string, unknown>>;
  /** Resource addresses whose id must stay the same as in the previous step (updated in place). */
  sameIdAs?: string[];
  /** Resource addresses whose id must differ from the previous step's (replaced, a ForceNew argument changed). */
  replaced?: string[];
}

export interface StepRun {
  /** The steps' workspace (still holding the last step's state until `destroy`). */
  ws: TerraformWorkspace;
  /** Attribute values per address after the last step. */
  values(address: string): Promise<Record<string, any>>;
}

/** The resources of `terraform show -json`, by address (root module only). */
export async function stateResources(ws: TerraformWorkspace): Promise<Map<string, Record<string, any>>> {
  const state = await ws.state();
  const all = (state.values?.root_module?.resources ?? []) as { address: string; mode: string; values: Record<string, any> }[];
  return new Map(all.filter((r) => r.mode === 'managed').map((r) => [r.address, r.values]));
}

/**
 * Run `steps` in one workspace with the harness's provider block: apply, plan clean, expectations.
 * `providerBlock` defaults to the harness's (ecs only); pass a fuller one for VPC or RAM resources.
 */
export async function runSteps(h: Harness, steps: readonly Step[], providerBlock: string = h.providerBlock): Promise<StepRun> {
  const ws = createTerraformWorkspace({ providerBinDir: h.binDir, files: { 'provider.tf': providerBlock, 'main.tf': '' } });
  let before = new Map<string, Record<string, any>>();
  for (const [i, step] of steps.entries()) {
    const label = `step ${i + 1} (${step.name})`;
    ws.writeFile('main.tf', step.config);
    try {
      await applyClean(ws);
    } catch (err) {
      throw new Error(`${label}: ${(err as Error).message}`, { cause: err });
    }
    const now = await stateResources(ws);
    for (const address of step.sameIdAs ?? []) {
      assert.equal(now.get(address)?.id, before.get(address)?.id, `${label}: ${address} was replaced, not updated in place`);
    }
    for (const address of step.replaced ?? [])
      assert.notEqual(now.get(address)?.id, before.get(address)?.id, `${label}: ${address} was updated in place, not replaced`);
    for (const [address, attrs] of Object.entries(step.expect ?? {})) {
      const values = now.get(address);
      assert.ok(values, `${label}: ${address} is not in the state`);
      for (const [key, want] of Object.entries(attrs)) assert.deepEqual(values[key], want, `${label}: ${address}.${key}`);
    }
    before = now;
  }
  return {
    ws,
    async values(address) {
      const v = (await stateResources(ws)).get(address);
      assert.ok(v, `${address} is not in the state`);
      return v;
    },
  };
}

/**
 * ImportStateVerify: import `address` (by its id in `run`'s state) into a fresh workspace holding
 * the same configuration, and compare every attribute with the applied one, except `ignore`
 * (top-level attribute names, as the official tests' ImportStateVerifyIgnore). Also checks that
 * the imported state plans clean, as a migrating user would need.
 */
export async function importVerify(
  h: Harness,
  run: StepRun,
  address: string,
  ignore: readonly string[],
  providerBlock: string = h.providerBlock,
): Promise<void> {
  const applied = await run.values(address);
  const ws = createTerraformWorkspace({
    providerBinDir: h.binDir,
    files: { 'provider.tf': providerBlock, 'main.tf': readMain(run.ws) },
  });
  try {
    await tf(ws, ['import', address, String(applied.id)]);
    const imported = (await stateResources(ws)).get(address);
    assert.ok(imported, `import of ${address} (${applied.id}) left nothing in the state`);
    const skip = new Set([...ignore, 'timeouts']);
    const keys = new Set([...Object.keys(applied), ...Object.keys(imported)].filter((k) => !skip.has(k)));
    const differing = [...keys].filter((k) => !sameValue(applied[k], imported[k]));
    assert.deepEqual(
      differing.map((k) => `${k}: applied ${JSON.stringify(applied[k])}, imported ${JSON.stringify(imported[k])}`),
      [],
      `${address}: attributes differ after import`,
    );
  } finally {
    ws.cleanup();
  }
}

/** Destroy the steps' resources and remove the workspace. */
export async function destroySteps(run: StepRun): Promise<void> {
  try {
    await tf(run.ws, ['destroy', '-auto-approve']);
    assert.equal((await stateResources(run.ws)).size, 0, 'resources left in the state after destroy');
  } finally {
    run.ws.cleanup();
  }
}

function readMain(ws: TerraformWorkspace): string {
  return readFileSync(join(ws.dir, 'main.tf'), 'utf8');
}

/** Null, empty string, empty list and empty map are the same "not set" in import comparisons, as in the SDK's verifier. */
function sameValue(a: unknown, b: unknown): boolean {
  const empty = (x: unknown) =>
    x === null ||
    x === undefined ||
    x === '' ||
    (Array.isArray(x) && x.length === 0) ||
    (typeof x === 'object' && x !== null && Object.keys(x).length === 0);
  if (empty(a) && empty(b)) return true;
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** An attribute value of {@link resourceConfig}: `"${expr}"` is written as the bare expression. */
export type HclValue = string | number | boolean | readonly HclValue[] | { readonly [key: string]: HclValue };
/** Marks an attribute a step removes again (the official framework's REMOVEKEY). */
export const REMOVE = Symbol('remove');
/** One step's attributes for {@link accumulatedConfigs}. */
export type StepAttributes = Record<string, HclValue | typeof REMOVE>;

/**
 * The official tests' `resourceTestAccConfigFunc`: each step's attributes are merged onto the
 * previous step's (REMOVE drops one), and the resource block is rendered after `dependencies`.
 */
export function accumulatedConfigs(type: string, name: string, dependencies: string, steps: readonly StepAttributes[]): string[] {
  let attrs: Record<string, HclValue> = {};
  return steps.map((patch) => {
    attrs = { ...attrs };
    for (const [k, v] of Object.entries(patch)) {
      if (v === REMOVE) delete attrs[k];
      else attrs[k] = v;
    }
    const body = Object.entries(attrs)
      .map(([k, v]) => `  ${k} = ${hcl(v)}`)
      .join('\n');
    return `${dependencies}\nresource "${type}" "${name}" {\n${body}\n}\n`;
  });
}

/**
 * The official basic steps of the resource at `address` (`type.name`): its {@link accumulatedConfigs},
 * each step named after the attributes it sets and expecting `expectations[i]`, in place after the first.
 */
export function accumulatedSteps(
  address: string,
  dependencies: string,
  parts: readonly StepAttributes[],
  expectations: readonly Record<string, unknown>[],
): Step[] {
  const [type, name] = address.split('.') as [string, string];
  return accumulatedConfigs(type, name, dependencies, parts).map((config, i) => ({
    name: Object.keys(parts[i]!).join(', ') || 'empty block',
    config,
    expect: { [address]: expectations[i]! },
    sameIdAs: i === 0 ? [] : [address],
  }));
}

function hcl(v: HclValue): string {
  if (typeof v === 'string') {
    const expr = /^\$\{(.*)\}$/s.exec(v);
    return expr ? expr[1]! : JSON.stringify(v);
  }
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(hcl).join(', ')}]`;
  return `{ ${Object.entries(v as Record<string, HclValue>)
    .map(([k, x]) => `${JSON.stringify(k)} = ${hcl(x)}`)
    .join(', ')} }`;
}

/**
 * The network an instance steps test launches into: the newest system Ubuntu image, a VPC named
 * `vpcName` with one vSwitch in `data.alicloud_zones.default`'s first zone, and a security group.
 * The test declares `data "alicloud_zones" "default"` itself (its filters differ).
 */
export function instanceNetworkHcl(vpcName: string): string {
  return `data "alicloud_images" "default" {
  name_regex   = "^ubuntu"
  owners       = "system"
  architecture = "x86_64"
}
resource "alicloud_vpc" "default" {
  vpc_name   = "${vpcName}"
  cidr_block = "172.16.0.0/16"
}
resource "alicloud_vswitch" "default" {
  vpc_id     = alicloud_vpc.default.id
  cidr_block = "172.16.0.0/24"
  zone_id    = data.alicloud_zones.default.zones[0].id
}
resource "alicloud_security_group" "default" {
  vpc_id = alicloud_vpc.default.id
}`;
}

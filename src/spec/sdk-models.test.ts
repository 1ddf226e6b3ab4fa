/**
 * Our tables invent nothing: every request parameter (and list/object field) and every
 * response field of every table under src/spec exists in the official SDK's models
 * (`<Action>Request`, `<Action>ResponseBody` of @alicloud/ecs20140526, vpc20160428,
 * resourcemanager20200331, sts20150401, ram20150501), with a compatible kind (except the products of
 * {@link NO_SDK_ON_NPM}). A parameter the SDK
 * sends JSON-encoded (its `<Action>ShrinkRequest` types it as a string) may be a string here. The models carry static `names()`
 * (camelCase -> wire name) and `types()` (leaf type name, nested model class, or
 * `{ type: 'array', itemType }`), which this test walks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { allActionSpecs } from './all.js';
import type { ActionSpec, ParamSpec } from './ecs/types.js';
import type { Shape } from './ecs/shape.js';

const require = createRequire(import.meta.url);

/** A model class as the SDK generates it. */
interface Model {
  names(): Record<string, string>;
  types(): Record<string, SdkType>;
}
type SdkType = string | Model | { type: 'array'; itemType: SdkType } | { type: 'map' };

const packages: Record<string, Record<string, unknown>> = {
  Ecs: require('@alicloud/ecs20140526') as Record<string, unknown>,
  Vpc: require('@alicloud/vpc20160428') as Record<string, unknown>,
  ResourceManager: require('@alicloud/resourcemanager20200331') as Record<string, unknown>,
  Sts: require('@alicloud/sts20150401') as Record<string, unknown>,
  Ram: require('@alicloud/ram20150501') as Record<string, unknown>,
};

/**
 * Products without an official SDK package on the npm registry, hence without models to check:
 * `Slb` (2014-05-15) has no `@alicloud/slb20140515` (npm answers 404). Its table
 * (`src/spec/slb/zones.ts`) takes its fields from the SLB API reference and the SDK models Alibaba
 * publishes for other languages, and the client calls it through openapi-core's generic `callApi`.
 */
const NO_SDK_ON_NPM: ReadonlySet<string> = new Set(['Slb']);
const checkedSpecs = allActionSpecs.filter((spec) => !NO_SDK_ON_NPM.has(spec.product));

const isModel = (t: unknown): t is Model => typeof t === 'function' && typeof (t as unknown as Model).names === 'function';
const isArray = (t: SdkType): t is { type: 'array'; itemType: SdkType } => typeof t === 'object' && 'type' in t && t.type === 'array';

/** The SDK type of the field spelled `wire` on the wire, or undefined when the model has no such field. */
function field(model: Model, wire: string): SdkType | undefined {
  const key = Object.entries(model.names()).find(([, w]) => w === wire)?.[0];
  return key === undefined ? undefined : model.types()[key];
}

function show(t: SdkType): string {
  if (typeof t === 'string') return t;
  if (isModel(t)) return 'object';
  return isArray(t) ? `array of ${show(t.itemType)}` : JSON.stringify(t);
}

/** Problems of one request parameter (or list/object field) against its SDK type. */
function paramProblems(p: ParamSpec, t: SdkType, at: string): string[] {
  const mismatch = [`${at}: ours is ${p.kind}${'type' in p ? ` ${p.type}` : ''}, the SDK's is ${show(t)}`];
  switch (p.kind) {
    case 'scalar': {
      const want = p.type === 'string' ? 'string' : p.type === 'boolean' ? 'boolean' : 'number';
      // Our scalar kinds have no float: a decimal SDK number is a string with a decimal pattern here.
      const decimal = p.type === 'string' && t === 'number' && p.pattern === '\\d+(\\.\\d+)?';
      return t === want || decimal ? [] : mismatch;
    }
    case 'packedList':
      return t === 'string' ? [] : mismatch;
    case 'scalarList':
      return isArray(t) && typeof t.itemType === 'string' ? [] : mismatch;
    case 'object':
      return isModel(t) ? p.fields.flatMap((f) => fieldProblems(t, f, `${at}.${f.name}`)) : mismatch;
    case 'repeatList': {
      if (!isArray(t) || !isModel(t.itemType)) return mismatch;
      const item = t.itemType;
      return [...p.fields, ...(p.listFields ?? [])].flatMap((f) => fieldProblems(item, f, `${at}.N.${f.name}`));
    }
  }
}

function fieldProblems(model: Model, p: ParamSpec, at: string): string[] {
  const t = field(model, p.name);
  return t === undefined ? [`${at}: not in the SDK model`] : paramProblems(p, t, at);
}

/** Problems of one response shape against its SDK type. */
function shapeProblems(s: Shape, t: SdkType, at: string): string[] {
  const mismatch = [`${at}: ours is ${s.type}, the SDK's is ${show(t)}`];
  switch (s.type) {
    case 'object':
      if (!isModel(t)) return mismatch;
      return Object.entries(s.fields).flatMap(([name, f]) => {
        const ft = field(t, name);
        return ft === undefined ? [`${at}.${name}: not in the SDK model`] : shapeProblems(f, ft, `${at}.${name}`);
      });
    case 'array':
      return isArray(t) ? shapeProblems(s.items, t.itemType, `${at}[]`) : mismatch;
    case 'string':
    case 'boolean':
      return t === s.type ? [] : mismatch;
    default:
      return t === 'number' ? [] : mismatch;
  }
}

function model(spec: ActionSpec, suffix: 'Request' | 'ResponseBody'): Model {
  const m = packages[spec.product]?.[`${spec.action}${suffix}`];
  assert.ok(isModel(m), `${spec.product} ${spec.action}: the SDK has no ${spec.action}${suffix} model`);
  return m;
}

test('every request parameter of every table exists in the SDK request model with a compatible kind', () => {
  const problems = checkedSpecs.flatMap((spec) => {
    if (spec.params.length === 0) return []; // the SDK has no request model for an action without parameters
    const req = model(spec, 'Request');
    const shrink = packages[spec.product]?.[`${spec.action}ShrinkRequest`];
    return spec.params.flatMap((p) => {
      const problems = fieldProblems(req, p, `${spec.product} ${spec.action} ${p.name}`);
      return problems.length > 0 && isModel(shrink) && fieldProblems(shrink, p, '').length === 0 ? [] : problems;
    });
  });
  assert.deepEqual(problems, []);
});

test('every response field of every table exists in the SDK response model with a compatible kind', () => {
  const problems = checkedSpecs.flatMap((spec) => {
    assert.ok(spec.response, `${spec.product} ${spec.action} has no response shape`);
    return shapeProblems(spec.response, model(spec, 'ResponseBody'), `${spec.product} ${spec.action}`);
  });
  assert.deepEqual(problems, []);
});

test('only products without an SDK package are exempt, and each of them has tables', () => {
  for (const product of NO_SDK_ON_NPM) {
    assert.equal(packages[product], undefined, `${product} has an SDK package here: check its tables against it`);
    assert.ok(
      allActionSpecs.some((spec) => spec.product === product),
      `${product} is exempt but has no table`,
    );
  }
  assert.ok(checkedSpecs.length > 0 && checkedSpecs.every((spec) => packages[spec.product] !== undefined));
});

test('the walk finds invented names', () => {
  const ecs = packages.Ecs!;
  const req = ecs.CreateImageRequest as Model;
  assert.deepEqual(fieldProblems(req, { kind: 'scalar', name: 'LicenseType', type: 'string' }, 'CreateImage LicenseType'), [
    'CreateImage LicenseType: not in the SDK model',
  ]);
  assert.deepEqual(
    shapeProblems({ type: 'object', fields: { Bogus: { type: 'string' } } }, ecs.DescribeImagesResponseBody as Model, 'DescribeImages'),
    ['DescribeImages.Bogus: not in the SDK model'],
  );
});

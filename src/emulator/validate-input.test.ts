import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInput } from './validate-input.js';
import { EcsApiError } from './context.js';
import { EmulatorBackend } from './backend.js';
import { regionsFamily } from './regions/family.js';
import { createWidgetSpec, describeWidgetsSpec, widgetsFamily } from './test-support/widgets-family.js';
import type { ActionSpec } from '../spec/ecs/types.js';

const params = (o: Record<string, string>) => new Map(Object.entries(o));
/** The error table of an emulator serving the widget actions: statuses are given when an error is answered. */
const errors = new EmulatorBackend([regionsFamily, widgetsFamily]).errors;

function rejects(spec: ActionSpec, input: Record<string, string>, code: string, message: RegExp | string, status = 400): void {
  assert.throws(
    () => decodeInput(spec, params(input)),
    (err: unknown) => {
      assert.ok(err instanceof EcsApiError, `expected EcsApiError, got ${String(err)}`);
      assert.equal(err.code, code);
      assert.equal(errors.resolve(err).status, status);
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
      return true;
    },
  );
}

const ok = { RegionId: 'cn-hangzhou', WidgetName: 'Gizmo' };

test('decodes scalars, repeat lists, packed lists and objects into typed input and ignores unknown parameters', () => {
  const input = decodeInput(
    createWidgetSpec,
    params({
      ...ok,
      Size: '40',
      Shiny: 'TRUE',
      'Tag.2.Key': 'b',
      'Tag.1.Key': 'a',
      'Tag.1.Value': 'x y',
      PartId: 'p-1, p-2,',
      'Features.NvmeSupport': 'supported',
      OwnerId: '123',
      SomethingElse: 'ignored',
    }),
  );
  assert.deepEqual(input, {
    RegionId: 'cn-hangzhou',
    WidgetName: 'Gizmo',
    Size: 40,
    Shiny: true,
    Tag: [{ Key: 'a', Value: 'x y' }, { Key: 'b' }],
    PartId: ['p-1', 'p-2'],
    Features: { NvmeSupport: 'supported' },
  });
});

test('legacy lower-case Tag.N.key and Tag.N.value are accepted as aliases', () => {
  const input = decodeInput(createWidgetSpec, params({ ...ok, 'Tag.1.key': 'k', 'Tag.1.value': 'v' }));
  assert.deepEqual(input.Tag, [{ Key: 'k', Value: 'v' }]);
});

test('a missing required parameter is MissingParameter naming it', () => {
  rejects(
    createWidgetSpec,
    { WidgetName: 'Gizmo' },
    'MissingParameter',
    'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
  );
  rejects(createWidgetSpec, { RegionId: '', WidgetName: 'Gizmo' }, 'MissingParameter', /"RegionId"/);
});

test('an integer out of range names the parameter and the allowed range', () => {
  rejects(
    describeWidgetsSpec,
    { RegionId: 'cn-hangzhou', PageSize: '101' },
    'InvalidParameter',
    'The specified parameter "PageSize" is not valid: must be an integer from 1 to 100.',
  );
  rejects(describeWidgetsSpec, { RegionId: 'cn-hangzhou', PageSize: '1.5' }, 'InvalidParameter', /"PageSize".*integer from 1 to 100/);
  rejects(describeWidgetsSpec, { RegionId: 'cn-hangzhou', PageSize: '99999999999999999999' }, 'InvalidParameter', /"PageSize"/);
});

test('a bad boolean says true or false is allowed', () => {
  rejects(
    createWidgetSpec,
    { ...ok, Shiny: 'yes' },
    'InvalidParameter',
    'The specified parameter "Shiny" is not valid: must be true or false.',
  );
});

test('an enum violation lists the allowed values', () => {
  rejects(
    createWidgetSpec,
    { ...ok, Color: 'blue' },
    'InvalidParameter',
    'The specified parameter "Color" is not valid: must be one of "red", "green".',
  );
});

test('length, pattern and forbidden prefixes use the parameter own error code', () => {
  rejects(createWidgetSpec, { ...ok, WidgetName: 'G' }, 'InvalidWidgetName.Malformed', /"WidgetName".*2 to 8 characters/);
  rejects(createWidgetSpec, { ...ok, WidgetName: 'Gizmo12345' }, 'InvalidWidgetName.Malformed', /2 to 8 characters/);
  rejects(createWidgetSpec, { ...ok, WidgetName: '1gizmo' }, 'InvalidWidgetName.Malformed', /must match .*starts with a letter/);
  rejects(createWidgetSpec, { ...ok, WidgetName: 'AliyunX' }, 'InvalidWidgetName.Malformed', /must not start with "aliyun"/);
});

test('lengths count characters, not UTF-16 units', () => {
  const input = decodeInput(
    { ...createWidgetSpec, params: [{ name: 'N', kind: 'scalar', type: 'string', maxLength: 2 }] },
    params({ N: '😀😀' }),
  );
  assert.equal(input.N, '😀😀');
});

test('too many repeat-list items use tooManyCode and a bad list index is refused', () => {
  const tags = { 'Tag.1.Key': 'a', 'Tag.2.Key': 'b', 'Tag.3.Key': 'c', 'Tag.4.Key': 'd' };
  rejects(
    createWidgetSpec,
    { ...ok, ...tags },
    'NumberExceed.Tags',
    'The specified parameter "Tag" is not valid: must have at most 3 items, got 4.',
  );
  rejects(createWidgetSpec, { ...ok, 'Tag.0.Key': 'a' }, 'InvalidParameter', /"Tag\.0\.Key".*index/);
});

test('a repeat-list item without its required field names the full wire key', () => {
  rejects(createWidgetSpec, { ...ok, 'Tag.1.Value': 'v' }, 'MissingParameter', /"Tag\.1\.Key"/);
});

test('packed lists enforce maxItems and JSON syntax', () => {
  rejects(createWidgetSpec, { ...ok, PartId: 'a,b,c' }, 'InvalidParameter', /"PartId".*at most 2 items/);
  rejects(describeWidgetsSpec, { RegionId: 'cn-hangzhou', WidgetIds: 'w-1' }, 'InvalidParameter', /"WidgetIds".*JSON array/);
  assert.deepEqual(decodeInput(describeWidgetsSpec, params({ RegionId: 'cn-hangzhou', WidgetIds: '["w-1","w-2"]' })).WidgetIds, [
    'w-1',
    'w-2',
  ]);
});

test('object fields are validated under their dotted name', () => {
  rejects(
    createWidgetSpec,
    { ...ok, 'Features.NvmeSupport': 'maybe' },
    'InvalidParameter',
    /"Features\.NvmeSupport".*"supported", "unsupported"/,
  );
});

test('scalar lists are rebuilt in index order and checked item by item', () => {
  const spec: ActionSpec = {
    ...createWidgetSpec,
    params: [
      {
        name: 'ResourceId',
        kind: 'scalarList',
        type: 'string',
        required: true,
        maxItems: 2,
        tooManyCode: 'NumberExceed.Tags',
        item: { maxLength: 3 },
      },
    ],
  };
  assert.deepEqual(decodeInput(spec, params({ 'ResourceId.2': 'b', 'ResourceId.1': 'a' })).ResourceId, ['a', 'b']);
  rejects(spec, {}, 'MissingParameter', /"ResourceId\.1"/);
  rejects(spec, { 'ResourceId.1': 'a', 'ResourceId.2': 'b', 'ResourceId.3': 'c' }, 'NumberExceed.Tags', /at most 2 items/);
  rejects(spec, { 'ResourceId.1': 'abcd' }, 'InvalidParameter', /"ResourceId\.1".*at most 3 characters/);
});

test('empty optional values marked emptyIsAbsent are dropped, as the Go provider sends them', () => {
  const spec: ActionSpec = {
    ...createWidgetSpec,
    params: [
      {
        name: 'Disk',
        kind: 'repeatList',
        fields: [
          { name: 'Size', kind: 'scalar', type: 'integer', emptyIsAbsent: true },
          { name: 'Device', kind: 'scalar', type: 'string', emptyIsAbsent: true, minLength: 2 },
        ],
      },
    ],
  };
  assert.deepEqual(decodeInput(spec, params({ 'Disk.1.Size': '', 'Disk.1.Device': '' })).Disk, [{}]);
});

test('Tag.N.Key and Tag.N.key with the same value are one field; with different values InvalidParameter names both', () => {
  assert.deepEqual(decodeInput(createWidgetSpec, params({ ...ok, 'Tag.1.Key': 'k', 'Tag.1.key': 'k' })).Tag, [{ Key: 'k' }]);
  rejects(
    createWidgetSpec,
    { ...ok, 'Tag.1.Key': 'a', 'Tag.1.key': 'b' },
    'InvalidParameter',
    'The parameters "Tag.1.Key" and "Tag.1.key" give different values ("a" and "b"): send only Tag.N.Key (the lower-case spelling is its deprecated alias).',
  );
  rejects(
    createWidgetSpec,
    { ...ok, 'Tag.2.value': 'y', 'Tag.2.Value': 'x', 'Tag.2.Key': 'k' },
    'InvalidParameter',
    /"Tag\.2\.value" and "Tag\.2\.Value"/,
  );
});

/** A table with a nested scalar list inside a repeat list, and a non-Tag repeat list. */
const nestedSpec: ActionSpec = {
  product: 'Ecs',
  version: '2014-05-26',
  action: 'FindWidgets',
  params: [
    {
      kind: 'repeatList',
      name: 'Filter',
      maxItems: 2,
      fields: [{ kind: 'scalar', name: 'Key', type: 'string', required: true }],
      listFields: [{ kind: 'scalarList', name: 'Values', type: 'integer', maxItems: 3, tooManyCode: 'TooManyValues', item: { min: 1 } }],
    },
    { kind: 'repeatList', name: 'Part', fields: [{ kind: 'scalar', name: 'Name', type: 'string' }] },
  ],
};

test('a scalar list inside a repeat list item decodes as an array in index order', () => {
  const input = decodeInput(
    nestedSpec,
    params({ 'Filter.2.Key': 'b', 'Filter.1.Values.2': '20', 'Filter.1.Key': 'a', 'Filter.1.Values.1': '10' }),
  );
  assert.deepEqual(input.Filter, [{ Key: 'a', Values: [10, 20] }, { Key: 'b' }]);
});

test('a nested list item is checked under its full wire name and its own item limit', () => {
  rejects(
    nestedSpec,
    { 'Filter.1.Key': 'a', 'Filter.1.Values.1': 'x' },
    'InvalidParameter',
    'The specified parameter "Filter.1.Values.1" is not valid: must be an integer of at least 1.',
  );
  rejects(nestedSpec, { 'Filter.1.Key': 'a', 'Filter.1.Values.0': '3' }, 'InvalidParameter', /"Filter\.1\.Values\.0".*list index/);
  rejects(
    nestedSpec,
    { 'Filter.1.Key': 'a', 'Filter.1.Values.1': '1', 'Filter.1.Values.2': '2', 'Filter.1.Values.3': '3', 'Filter.1.Values.4': '4' },
    'TooManyValues',
    'The specified parameter "Filter.1.Values" is not valid: must have at most 3 items, got 4.',
  );
  rejects(nestedSpec, { 'Filter.1.Values.1': '1' }, 'MissingParameter', /"Filter\.1\.Key"/);
});

test('lower-case field aliases are only taken on Tag lists', () => {
  assert.deepEqual(decodeInput(nestedSpec, params({ 'Part.1.name': 'x' })), {});
  assert.deepEqual(decodeInput(nestedSpec, params({ 'Part.1.Name': 'x' })), { Part: [{ Name: 'x' }] });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionSpec } from '../spec/ecs/types.js';
import { encodeInput } from './encode.js';
import { EcsInputError } from './errors.js';

const spec: ActionSpec = {
  product: 'Ecs',
  version: '2014-05-26',
  action: 'DoThing',
  params: [
    { kind: 'scalar', name: 'Name', type: 'string' },
    { kind: 'scalar', name: 'Size', type: 'integer' },
    { kind: 'scalar', name: 'OwnerBig', type: 'long' },
    { kind: 'scalar', name: 'Force', type: 'boolean' },
    { kind: 'scalarList', name: 'ResourceId', type: 'string', maxItems: 3 },
    {
      kind: 'repeatList',
      name: 'Tag',
      maxItems: 2,
      fields: [
        { kind: 'scalar', name: 'Key', type: 'string' },
        { kind: 'scalar', name: 'Value', type: 'string' },
      ],
    },
    {
      kind: 'repeatList',
      name: 'Disk',
      fields: [
        { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'Size', type: 'integer', emptyIsAbsent: true },
      ],
    },
    {
      kind: 'object',
      name: 'Features',
      fields: [
        { kind: 'scalar', name: 'NvmeSupport', type: 'string' },
        { kind: 'scalar', name: 'On', type: 'boolean' },
      ],
    },
    { kind: 'packedList', name: 'ImageId', packing: 'comma' },
    { kind: 'packedList', name: 'InstanceIds', packing: 'json', maxItems: 2 },
  ],
};

test('encodes every parameter kind into the flat RPC query', () => {
  const q = encodeInput(spec, {
    Name: 'my image',
    Size: 40,
    OwnerBig: '12345678901234567890',
    Force: false,
    ResourceId: ['m-1', 'm-2'],
    Tag: [
      { Key: 'k1', Value: 'v1' },
      { Key: 'k2', Value: '' },
    ],
    Features: { NvmeSupport: 'supported', On: true },
    ImageId: ['m-1', 'm-2'],
    InstanceIds: ['i-a', 'i-b'],
  });
  assert.deepEqual(q, {
    Name: 'my image',
    Size: '40',
    OwnerBig: '12345678901234567890',
    Force: 'false',
    'ResourceId.1': 'm-1',
    'ResourceId.2': 'm-2',
    'Tag.1.Key': 'k1',
    'Tag.1.Value': 'v1',
    'Tag.2.Key': 'k2',
    'Tag.2.Value': '',
    'Features.NvmeSupport': 'supported',
    'Features.On': 'true',
    ImageId: 'm-1,m-2',
    InstanceIds: '["i-a","i-b"]',
  });
});

test('omits undefined, null, empty strings, empty lists and fields marked emptyIsAbsent', () => {
  const q = encodeInput(spec, {
    Name: '',
    Size: undefined,
    Force: null,
    ResourceId: [],
    ImageId: [],
    Features: {},
    Disk: [{ SnapshotId: '', Size: 20 }, { SnapshotId: '' }, { SnapshotId: 's-1' }],
  });
  assert.deepEqual(q, { 'Disk.1.Size': '20', 'Disk.2.SnapshotId': 's-1' });
});

test('passes an already packed list string through unchanged', () => {
  assert.deepEqual(encodeInput(spec, { ImageId: 'm-1,m-2' }), { ImageId: 'm-1,m-2' });
});

test('accepts RegionId and owner parameters even when the table does not list them', () => {
  assert.deepEqual(encodeInput(spec, { RegionId: 'cn-beijing', OwnerId: 5 }), { RegionId: 'cn-beijing', OwnerId: '5' });
});

const bad: Array<[string, Record<string, unknown>, RegExp]> = [
  ['unknown-parameter', { Nmae: 'x' }, /DoThing: unknown parameter "Nmae"; allowed: Name, Size/],
  ['fractional-integer', { Size: 1.5 }, /parameter "Size" must be a whole number, got number 1.5/],
  ['string-boolean', { Force: 'yes' }, /parameter "Force" must be true or false/],
  ['object-for-string', { Name: { a: 1 } }, /parameter "Name" must be a string, got an object/],
  ['scalar-for-list', { ResourceId: 'm-1' }, /parameter "ResourceId" must be a list/],
  ['too-many-scalars', { ResourceId: ['a', 'b', 'c', 'd'] }, /parameter "ResourceId" has 4 items; at most 3 are allowed/],
  ['too-many-items', { Tag: [{ Key: 'a' }, { Key: 'b' }, { Key: 'c' }] }, /parameter "Tag" has 3 items; at most 2/],
  ['unknown-item-field', { Tag: [{ key: 'a' }] }, /parameter "Tag" item 1: unknown field "key"; allowed: Key, Value/],
  ['too-many-packed', { InstanceIds: ['a', 'b', 'c'] }, /"InstanceIds" has 3 items; at most 2/],
];
for (const [name, input, message] of bad) {
  test(`rejects bad input with a message naming the parameter: ${name}`, () => {
    assert.throws(
      () => encodeInput(spec, input),
      (e: unknown) => e instanceof EcsInputError && message.test(e.message),
    );
  });
}

/** The shape of ListTagResources' `TagFilter.N.TagKey` + `TagFilter.N.TagValues.M`. */
const nestedSpec: ActionSpec = {
  product: 'Ecs',
  version: '2014-05-26',
  action: 'FindThings',
  params: [
    {
      kind: 'repeatList',
      name: 'TagFilter',
      maxItems: 5,
      fields: [{ kind: 'scalar', name: 'TagKey', type: 'string' }],
      listFields: [{ kind: 'scalarList', name: 'TagValues', type: 'string', maxItems: 2 }],
    },
  ],
};

test('a scalar list inside a repeat list item is flattened to Name.N.Field.M, dense from 1 inside each item', () => {
  assert.deepEqual(
    encodeInput(nestedSpec, {
      TagFilter: [{ TagKey: 'env', TagValues: ['prod', undefined, 'stag'] }, { TagKey: 'team' }, { TagValues: [] }],
    }),
    {
      'TagFilter.1.TagKey': 'env',
      'TagFilter.1.TagValues.1': 'prod',
      'TagFilter.1.TagValues.2': 'stag',
      'TagFilter.2.TagKey': 'team',
    },
  );
  assert.deepEqual(encodeInput(nestedSpec, { TagFilter: [{ TagValues: ['x'] }] }), { 'TagFilter.1.TagValues.1': 'x' });
});

test('a nested list that is too long or not a list is refused naming the item and the field', () => {
  assert.throws(
    () => encodeInput(nestedSpec, { TagFilter: [{ TagKey: 'k', TagValues: ['a', 'b', 'c'] }] }),
    (e: unknown) => e instanceof EcsInputError && /"TagFilter" item 1 field "TagValues" has 3 items; at most 2/.test(e.message),
  );
  assert.throws(
    () => encodeInput(nestedSpec, { TagFilter: [{ TagKey: 'k', TagValues: 'a' }] }),
    (e: unknown) => e instanceof EcsInputError && /"TagFilter" item 1 field "TagValues" must be a list/.test(e.message),
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeShape, r, ShapeMismatchError } from './shape.js';
import { defineAction } from './infer.js';

const body = r.response({
  Items: r.list('Item', r.object({ Id: r.string, ...r.defaults({ Size: r.integer, On: r.boolean, Tags: r.list('Tag', r.string) }) })),
  TotalCount: r.integer,
  Note: r.opt(r.string),
  ...r.defaults({ Ratio: r.float, Owner: r.long }),
});

function mismatch(value: unknown): ShapeMismatchError {
  try {
    decodeShape(body, value);
  } catch (err) {
    assert.ok(err instanceof ShapeMismatchError);
    return err;
  }
  assert.fail('expected a mismatch');
}

test('a well-formed body decodes to its declared fields with defaults filled', () => {
  const out = decodeShape(body, { RequestId: 'R', Items: { Item: [{ Id: 'a', Extra: 1 }] }, TotalCount: 1, Unknown: true });
  assert.deepEqual(out, {
    RequestId: 'R',
    Items: { Item: [{ Id: 'a', Size: 0, On: false, Tags: { Tag: [] } }] },
    TotalCount: 1,
    Ratio: 0,
    Owner: 0,
  });
});

test('the conversions the SDK model cast performs are accepted, nothing else', () => {
  const out = decodeShape(body, { RequestId: 7, Items: { Item: [{ Id: 5, Size: '40', On: 'true' }] }, TotalCount: '1', Ratio: '0.5' });
  assert.equal(out.RequestId, '7');
  assert.deepEqual(out.Items.Item[0], { Id: '5', Size: 40, On: true, Tags: { Tag: [] } });
  assert.equal(out.TotalCount, 1);
  assert.equal(out.Ratio, 0.5);
  assert.equal(mismatch({ RequestId: 'R', Items: { Item: [] }, TotalCount: '1x' }).path, 'TotalCount');
  assert.equal(mismatch({ RequestId: 'R', Items: { Item: [] }, TotalCount: 1.5 }).problem, 'expected integer, got number 1.5');
  assert.equal(mismatch({ RequestId: 'R', Items: { Item: [{ Id: 'a', On: 'yes' }] }, TotalCount: 1 }).path, 'Items.Item[0].On');
});

test('each mismatch names the first offending path', () => {
  assert.equal(mismatch({}).message, 'Items: missing (required object)');
  assert.equal(mismatch({ Items: { Item: [] }, TotalCount: 0 }).message, 'RequestId: missing (required string)');
  assert.equal(mismatch({ RequestId: 'R' }).path, 'Items');
  assert.equal(mismatch({ RequestId: 'R', Items: {} }).problem, 'missing (required array)');
  assert.equal(mismatch({ RequestId: 'R', Items: { Item: {} } }).problem, 'expected an array, got an object');
  assert.equal(mismatch({ RequestId: 'R', Items: [], TotalCount: 0 }).problem, 'expected an object, got an array');
  assert.equal(mismatch({ RequestId: 'R', Items: { Item: [{}] }, TotalCount: 0 }).path, 'Items.Item[0].Id');
  assert.equal(mismatch([]).path, '(body)');
  assert.equal(mismatch('<html>').problem, 'expected an object, got string "<html>"');
});

test('optional fields stay absent, null counts as absent', () => {
  const out = decodeShape(body, { RequestId: 'R', Items: { Item: [] }, TotalCount: 0, Note: null, Ratio: null });
  assert.ok(!('Note' in out));
  assert.equal(out.Ratio, 0);
});

test('defineAction refuses a table that declares a parameter twice or lacks RequestId', () => {
  const base = { product: 'Ecs', version: '2014-05-26', action: 'X' } as const;
  assert.throws(
    () =>
      defineAction({
        ...base,
        params: [
          { kind: 'scalar', name: 'A', type: 'string' },
          { kind: 'scalar', name: 'A', type: 'string' },
        ],
        response: r.response({}),
      }),
    /Ecs X: parameter A is declared twice/,
  );
  assert.throws(() => defineAction({ ...base, params: [], response: r.object({}) }), /must declare RequestId/);
});

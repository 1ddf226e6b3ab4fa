import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmulatorBackend } from './backend.js';
import { EcsApiError, ErrorTable, apiError } from './errors.js';
import { families } from './families.js';
import { regionsFamily } from './regions/family.js';
import { pagingErrors } from './core/paging.js';
import { commonErrors } from '../spec/ecs/common.js';
import { httpErrors } from './http/http-errors.js';
import { widgetsFamily } from './test-support/widgets-family.js';
import { emulatorModules, reachable, rootModules } from './test-support/source-graph.js';

const modules = emulatorModules();

/** Where an error code is computed rather than written, and why that is safe. */
const DYNAMIC_CODE_SITES: Readonly<Record<string, string>> = {
  'errors.ts': 'the error constructors themselves',
  'validate-input.ts': "the spec's errorCode/missingCode/tooManyCode, checked against the table when the backend is built",
  'faults/inject.ts': 'the fault kinds answer common codes (Throttling.User, ServiceUnavailable, InternalError)',
  'request-log/listener.ts': 'it reads the code of an answer already serialized, and answers its own routes with front-door codes',
  'resource-groups/repository.ts': "resolveResourceGroup raises its caller's code, a literal checked at the call",
};

test('the scan finds the codes handlers raise (the checks below are not vacuous)', () => {
  assert.ok(modules.get('images/delete-image.ts')?.codes.includes('ImageUsingByInstance'));
  assert.ok(modules.get('images/new-image.ts')?.codes.includes('InvalidResourceGroup.NotFound'), 'a resolveResourceGroup code');
  assert.ok(modules.get('tags/validate.ts')?.codes.includes('Duplicate.TagKey'));
});

for (const family of families) {
  test(`every error code the ${family.name} family can raise is in the table of an emulator serving it alone`, () => {
    const backend = new EmulatorBackend(family === regionsFamily ? [family] : [regionsFamily, family]);
    const own = [...modules.values()].filter((m) => m.folder === family.name).map((m) => m.path);
    assert.ok(own.length > 0, `no modules in ${family.name}/`);
    const unknown = [...reachable(modules, own)].flatMap((p) =>
      modules
        .get(p)!
        .codes.filter((c) => !backend.errors.get(c))
        .map((c) => `${c} (${p})`),
    );
    assert.deepEqual(unknown, []);
  });
}

test('the core raises only the common, front-door and paging codes, and computes codes only where the table above says why', () => {
  const core = new ErrorTable([commonErrors, httpErrors, pagingErrors]);
  const unknown = [...modules.values()]
    .filter((m) => !families.some((f) => f.name === m.folder) && !rootModules.includes(m.path) && m.folder !== 'test-support')
    .flatMap((m) => m.codes.filter((c) => !core.get(c)).map((c) => `${c} (${m.path})`));
  assert.deepEqual(unknown, []);
  const computed = [...modules.values()].filter((m) => m.dynamicCodes.length > 0).map((m) => m.path);
  assert.deepEqual(computed.sort(), Object.keys(DYNAMIC_CODE_SITES).sort());
});

test('a spec naming a code that no served table has stops the emulator at start-up', () => {
  const broken = { ...widgetsFamily, errors: [] };
  assert.throws(() => new EmulatorBackend([regionsFamily, broken]), /CreateWidget names error code InvalidWidgetName\.Malformed/);
  assert.doesNotThrow(() => new EmulatorBackend([regionsFamily, widgetsFamily]));
});

test('errors get their status and default message when answered; a code in no table answers 400, never 500', () => {
  const table = new EmulatorBackend([regionsFamily, widgetsFamily]).errors;
  const resolved = table.resolve(apiError('InvalidWidgetId.NotFound'));
  assert.deepEqual([resolved.status, resolved.message], [404, 'The specified widget does not exist.']);
  assert.equal(table.resolve(apiError('InvalidWidgetId.NotFound', 'Widget w-1 is gone.')).message, 'Widget w-1 is gone.');
  assert.equal(table.resolve(new EcsApiError('InvalidWidgetId.NotFound', 403, 'Explicit.')).status, 403, 'an explicit status wins');
  const original = console.error;
  const logged: unknown[] = [];
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    const stray = table.resolve(apiError('NoSuch.Code', 'x'));
    assert.deepEqual([stray.code, stray.status, stray.message], ['NoSuch.Code', 400, 'x']);
  } finally {
    console.error = original;
  }
  assert.match(String((logged[0] as unknown[])[0]), /emulator bug: error code NoSuch\.Code is in no error table/);
});

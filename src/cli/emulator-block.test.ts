import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorProviderBlock } from './emulator-block.js';

test('the emulator provider block is the documented one: default keys, protocol HTTP, every product on the endpoint', () => {
  assert.equal(
    emulatorProviderBlock({ endpoint: '127.0.0.1:9786' }),
    `provider "alicloud" {
  region     = "cn-hangzhou"
  access_key = "LTAI5tEmulatorDefaultKey"
  secret_key = "EmulatorDefaultSecret"
  protocol   = "HTTP"
  endpoints {
    ecs             = "127.0.0.1:9786"
    vpc             = "127.0.0.1:9786"
    resourcemanager = "127.0.0.1:9786"
    sts             = "127.0.0.1:9786"
    ram             = "127.0.0.1:9786"
    oss             = "127.0.0.1:9786"
    slb             = "127.0.0.1:9786"
  }
}
`,
  );
});

test('products, extra arguments and a comment header are rendered in terraform fmt style', () => {
  assert.equal(
    emulatorProviderBlock({
      endpoint: 'h:1',
      products: ['ecs'],
      extraArguments: { max_retry_timeout: '5' },
      comment: ['Written by a test.'],
    }),
    `# Written by a test.
provider "alicloud" {
  region            = "cn-hangzhou"
  access_key        = "LTAI5tEmulatorDefaultKey"
  secret_key        = "EmulatorDefaultSecret"
  protocol          = "HTTP"
  max_retry_timeout = 5
  endpoints {
    ecs = "h:1"
  }
}
`,
  );
});

test("the README's emulator provider block is the one the helper renders (hand-written prose cannot drift)", () => {
  let root = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(emulatorProviderBlock({ endpoint: '127.0.0.1:9786' })), 'README.md shows a different emulator provider block');
});

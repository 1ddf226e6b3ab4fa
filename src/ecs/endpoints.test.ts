import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultEndpoint, isRegionless, productKey, productLabel } from './endpoints.js';

test('SLB: the central endpoint for its older regions, the regional rule elsewhere; it takes a RegionId', () => {
  assert.equal(productKey('Slb'), 'slb');
  assert.equal(productLabel('slb'), 'SLB');
  assert.equal(isRegionless('slb'), false);
  assert.equal(defaultEndpoint('slb', 'cn-hangzhou'), 'slb.aliyuncs.com');
  assert.equal(defaultEndpoint('slb', 'ap-southeast-1'), 'slb.aliyuncs.com');
  assert.equal(defaultEndpoint('slb', 'cn-zhangjiakou'), 'slb.cn-zhangjiakou.aliyuncs.com');
  assert.equal(defaultEndpoint('slb', 'eu-central-1'), 'slb.eu-central-1.aliyuncs.com');
  assert.equal(defaultEndpoint('slb', 'cn-huhehaote-nebula-1'), 'slb-api.cn-qingdao-nebula.aliyuncs.com');
});

test('an action table of a product the client cannot address is refused, naming the supported ones', () => {
  assert.throws(() => productKey('Alb'), /unsupported product "Alb".*Slb/);
});

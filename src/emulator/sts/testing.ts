/**
 * Test helpers for the STS and RAM families: the official STS, RAM and ECS SDK clients against
 * the harness's emulator (any key, optional security token, either signature mode), trust
 * policies, and unsigned OIDC tokens. Used only by `*.test.ts` files.
 */
import StsModule from '@alicloud/sts20150401';
import RamModule from '@alicloud/ram20150501';
import EcsModule from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';
import type { SignatureMode } from '../test-support/clients.js';

export interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export const ROOT_KEYS: Keys = { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };

function config(endpoint: string, mode: SignatureMode, keys: Keys | null) {
  return new $OpenApiUtil.Config({
    ...(keys ?? {}),
    endpoint,
    protocol: 'http',
    regionId: 'cn-hangzhou',
    ...(mode === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
  });
}

export const stsClient = (endpoint: string, mode: SignatureMode, keys: Keys | null = ROOT_KEYS) =>
  new StsModule.default(config(endpoint, mode, keys));
export const ramClient = (endpoint: string, mode: SignatureMode, keys: Keys = ROOT_KEYS) =>
  new RamModule.default(config(endpoint, mode, keys));
export const ecsClient = (endpoint: string, mode: SignatureMode, keys: Keys) => new EcsModule.default(config(endpoint, mode, keys));

/** A trust policy with one Allow statement for `principal` (`{ RAM: [...] }`, `{ Service: [...] }`, ...), plus an optional condition. */
export function trustPolicy(principal: Record<string, string[]>, condition?: Record<string, unknown>): string {
  return JSON.stringify({
    Version: '1',
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: principal, ...(condition ? { Condition: condition } : {}) }],
  });
}

/** An unsigned JWT with the given claims (the emulator reads claims only). */
export function oidcToken(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

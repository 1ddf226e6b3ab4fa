/**
 * Idempotency tokens (`ClientToken`, <= 64 ASCII characters, case-sensitive).
 *
 * ECS answers a repeated create carrying the same token and identical parameters with
 * the first result, so a retried or re-run create cannot make a second image.
 * {@link clientToken} derives the token from stable inputs (resource address + a hash of
 * the configuration), so even a crashed-and-restarted apply reuses it; change any part
 * and a new token (a new image) follows.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { ActionSpec } from '../spec/ecs/types.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** Deterministic token: `tf-` + 56 hex chars of SHA-256 over the length-prefixed parts (59 chars). */
export function clientToken(parts: readonly string[]): string {
  if (parts.length === 0) throw new Error('clientToken needs at least one stable input (e.g. the resource address)');
  const h = createHash('sha256');
  // Length prefixes keep ['ab','c'] and ['a','bc'] apart.
  for (const p of parts) h.update(`${Buffer.byteLength(p)}:${p};`);
  return `tf-${h.digest('hex').slice(0, 56)}`;
}

/** A fresh random token (`tf-` + UUID, 39 chars) for one logical call that may be retried. */
export function randomClientToken(): string {
  return `tf-${randomUUID()}`;
}

/**
 * Call a creating action so that a retry cannot create twice: with the input's `ClientToken`, or a
 * fresh random one when it has none, retried as idempotent.
 */
export function callWithClientToken<const S extends ActionSpec>(
  client: AlibabaCloudClient,
  spec: S,
  input: ClientInputOf<S>,
  opts: CallOptions = {},
): Promise<OutputOf<S>> {
  const token = (input as { ClientToken?: string }).ClientToken || randomClientToken();
  return client.call(spec, { ...input, ClientToken: token } as ClientInputOf<S>, { idempotent: true, ...opts });
}

/**
 * Test harness for the image-related families: an in-process emulator with two accounts, a clock
 * the test can move forward (kept within the signature window), and SDK clients per account and
 * signature mode. Used only by `*.test.ts` files.
 */
import { after, before } from 'node:test';
import { startEmulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, type RunningEmulator } from '../index.js';
import { deriveAccountId } from '../accounts.js';
import { sdkClient, type EcsSdkClient, type SignatureMode } from '../test-support/clients.js';

export const SECOND_KEY_ID = 'LTAI5tEmuImagesSecondKey';
export const SECOND_KEY_SECRET = 'EmuImagesSecondSecret';
export const REGION = 'cn-hangzhou';
/** Seconds a test image takes to become Available (tests move the clock instead of sleeping). */
export const CREATE_SECONDS = 100;

export interface Harness {
  emu: RunningEmulator;
  /** Account id of the default key pair and of the second one. */
  accounts: [number, number];
  /** Move the emulator clock forward. */
  advance(seconds: number): void;
  client(mode?: SignatureMode, second?: boolean): EcsSdkClient;
  stop(): Promise<void>;
}

export async function startHarness(db = ':memory:', startOffsetSeconds = 0): Promise<Harness> {
  let offset = startOffsetSeconds * 1000;
  const emu = await startEmulator({
    port: 0,
    db,
    clock: () => new Date(Date.now() + offset),
    settings: { imageCreateSeconds: CREATE_SECONDS, instanceStartSeconds: 2, defaultRegionId: REGION },
    accounts: [
      { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET },
      { accessKeyId: SECOND_KEY_ID, accessKeySecret: SECOND_KEY_SECRET },
    ],
  });
  return {
    emu,
    accounts: [deriveAccountId(DEFAULT_ACCESS_KEY_ID), deriveAccountId(SECOND_KEY_ID)],
    advance(seconds) {
      offset += seconds * 1000;
    },
    client(mode = 'v3', second = false) {
      return second ? sdkClient(emu.endpoint, mode, SECOND_KEY_ID, SECOND_KEY_SECRET) : sdkClient(emu.endpoint, mode);
    },
    stop: () => emu.stop(),
  };
}

/**
 * Register `before`/`after` hooks on the current `describe` that start a harness and stop it, and
 * return a harness that forwards to it (its `accounts` are known up front; the rest once `before` ran).
 */
export function useHarness(): Harness {
  let started: Harness | undefined;
  const live = (): Harness => {
    if (!started) throw new Error('the harness is used before its before() hook ran');
    return started;
  };
  before(async () => {
    started = await startHarness();
  });
  after(() => started?.stop());
  return {
    get emu() {
      return live().emu;
    },
    accounts: [deriveAccountId(DEFAULT_ACCESS_KEY_ID), deriveAccountId(SECOND_KEY_ID)],
    advance: (seconds) => live().advance(seconds),
    client: (mode, second) => live().client(mode, second),
    stop: () => live().stop(),
  };
}

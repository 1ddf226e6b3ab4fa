/**
 * Every resource family the emulator serves by default. To add one, import it and
 * append it here (one import line and one list entry per family); order matters only
 * for migrations between families (a family after the ones it references).
 */
import type { Family } from './context.js';
import { regionsFamily } from './regions/family.js';

export const families: Family[] = [regionsFamily];

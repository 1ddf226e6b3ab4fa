/**
 * Child-process entry for crash tests: serves the widgets family on the database
 * file given as argv[2] and prints the endpoint on one line.
 */
import { startEmulator } from '../index.js';
import { widgetsFamily } from './widgets-family.js';

const emu = await startEmulator({ db: process.argv[2] ?? ':memory:', families: [widgetsFamily] });
process.stdout.write(`${emu.endpoint}\n`);

/**
 * The emulator's own source as data, for the structure tests (`import-graph.test.ts`,
 * `error-codes.test.ts`): every non-test module under `src/emulator`, what it imports and which
 * error codes it raises. Parsed with the TypeScript compiler, never by regular expressions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** `src/emulator` of the checkout (this module runs from `.build/suite/emulator/test-support/`). */
export const emulatorSrc = fileURLToPath(new URL('../../../../src/emulator/', import.meta.url));

/** The composition root: it assembles the families, so it alone may import all of them. */
export const rootModules = ['index.ts', 'families.ts'];

/** Calls that take an error code, and the position of the code among their arguments. */
const CODE_SINKS: Readonly<Record<string, number>> = { apiError: 0, EcsApiError: 0, resolveResourceGroup: 2 };

export interface Module {
  /** Path relative to `src/emulator`, `/`-separated (`images/create-image.ts`). */
  path: string;
  /** First folder of the path (`images`), or '' for a top-level module. */
  folder: string;
  /** Emulator modules this one imports (statically, types included), as paths like {@link path}. */
  imports: string[];
  /** Error codes it passes to a code sink as string literals (both branches of a `?:` count). */
  codes: string[];
  /** Code-sink calls whose code is computed, as `line: text`. */
  dynamicCodes: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function literalCodes(node: ts.Expression): string[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literalCodes(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = literalCodes(node.whenTrue);
    const b = literalCodes(node.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

function parse(file: string): Module {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const path = relative(emulatorSrc, file).split(sep).join('/');
  const imports: string[] = [];
  const codes: string[] = [];
  const dynamicCodes: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const spec = node.moduleSpecifier.text;
      if (spec.startsWith('.')) {
        const target = relative(emulatorSrc, resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
          .split(sep)
          .join('/');
        if (!target.startsWith('..')) imports.push(target);
      }
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const at = CODE_SINKS[name];
      const arg = at === undefined ? undefined : node.arguments?.[at];
      if (arg) {
        const found = literalCodes(arg);
        if (found) codes.push(...found);
        else dynamicCodes.push(`${sf.getLineAndCharacterOfPosition(arg.getStart()).line + 1}: ${node.getText().split('\n')[0]}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { path, folder: path.includes('/') ? path.slice(0, path.indexOf('/')) : '', imports, codes, dynamicCodes };
}

/** Every non-test module under `src/emulator`, by path. */
export function emulatorModules(): Map<string, Module> {
  return new Map(
    sourceFiles(emulatorSrc)
      .map((f) => parse(f))
      .map((m) => [m.path, m]),
  );
}

/** The modules `from` reaches through imports, itself included, not entering the composition root or test-support. */
export function reachable(modules: ReadonlyMap<string, Module>, from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p) || rootModules.includes(p) || p.startsWith('test-support/')) continue;
    seen.add(p);
    stack.push(...(modules.get(p)?.imports ?? []));
  }
  return seen;
}

/**
 * Every citation of a reference document resolves inside the repository. A citation is a document name
 * followed by a section (`ecs-api.md 3.2`, `tfplugin6.md §5.2–5.4`, `docs/ecs-api.md sections 1.3 and 2`,
 * `anchor-provider.md A1.1`); it needs docs/<name>.md with a heading numbered like each cited section (both
 * ends of a range, and the sections between them). A bare form (the word "docs" or "section" followed by
 * a number, or a lone section sign) takes the document named in the same comment block (the nearest one
 * before it when the block names several); with none, the test asks for the document to be named. A
 * `docs/…md` path mentioned anywhere must exist.
 *
 * Scanned: the comments of every TypeScript file under src/, the comments of the scripts and every
 * Markdown file under bench/ and examples/, and the reference documents listed in docs/reference.md
 * (where a bare section number cites the document itself).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../cli/docs.js';

const root = repoRoot();

/**
 * Bare citations in the code that do not name their document yet, with the document they mean (each must
 * still resolve there). The list only shrinks: name the document in the comment, then delete the entry.
 */
const UNNAMED: readonly { file: string; cite: string; doc: string }[] = [];

/** A piece of text that citations are read from: one comment block, or one Markdown paragraph. */
interface Block {
  start: number;
  text: string;
}

interface Citation {
  file: string;
  line: number;
  /** The citation as written. */
  cite: string;
  /** Document base name (`ecs-api`), or undefined for a bare form whose document cannot be told. */
  doc?: string;
  /** Cited sections, ranges expanded; empty for a mere `docs/…md` path mention. */
  sections: string[];
  /** Set for a `docs/…md` path mention, which must exist. */
  path?: string;
}

const K = ts.SyntaxKind;
/** Tokens after which a `/` divides; after any other token it starts a regular expression literal. */
const VALUE_END = new Set([
  K.Identifier,
  K.ThisKeyword,
  K.SuperKeyword,
  K.TrueKeyword,
  K.FalseKeyword,
  K.NullKeyword,
  K.NumericLiteral,
  K.BigIntLiteral,
  K.StringLiteral,
  K.NoSubstitutionTemplateLiteral,
  K.TemplateTail,
  K.RegularExpressionLiteral,
  K.CloseParenToken,
  K.CloseBracketToken,
  K.CloseBraceToken,
  K.PlusPlusToken,
  K.MinusMinusToken,
]);

/**
 * The comments of a TypeScript or JavaScript source, adjacent line comments merged into one block. Uses
 * TypeScript's scanner (strings, template literals and regular expressions are skipped as tokens), which is
 * much faster than a full parse and finds the same comments in this repository.
 */
function commentBlocks(source: string): Block[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const blocks: Block[] = [];
  const templates: number[] = []; // brace depth at each open `${`
  let depth = 0;
  let prev: ts.SyntaxKind = K.Unknown;
  let lastLineCommentEnd = -1;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.SingleLineCommentTrivia || kind === K.MultiLineCommentTrivia) {
      const [start, end] = [scanner.getTokenStart(), scanner.getTokenEnd()];
      const last = blocks.at(-1);
      const adjacent =
        kind === K.SingleLineCommentTrivia &&
        lastLineCommentEnd >= 0 &&
        /^[ \t]*\r?\n[ \t]*$/.test(source.slice(lastLineCommentEnd, start));
      if (last && adjacent) last.text = source.slice(last.start, end);
      else blocks.push({ start, text: source.slice(start, end) });
      lastLineCommentEnd = kind === K.SingleLineCommentTrivia ? end : -1;
      continue;
    }
    if (kind === K.WhitespaceTrivia || kind === K.NewLineTrivia || kind === K.ShebangTrivia || kind === K.ConflictMarkerTrivia) continue;
    lastLineCommentEnd = -1;
    if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && !VALUE_END.has(prev)) kind = scanner.reScanSlashToken();
    else if (kind === K.TemplateHead) templates.push(depth);
    else if (kind === K.OpenBraceToken) depth++;
    else if (kind === K.CloseBraceToken) {
      if (templates.at(-1) === depth) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === K.TemplateTail) templates.pop();
      } else depth--;
    }
    prev = kind;
  }
  return blocks;
}

/** The paragraphs of a Markdown file (separated by blank lines). */
function paragraphs(source: string): Block[] {
  const blocks: Block[] = [];
  for (const m of source.matchAll(/(?:^|\n)((?:[^\n]*\S[^\n]*(?:\n|$))+)/g))
    blocks.push({ start: m.index + m[0].indexOf(m[1]!), text: m[1]! });
  return blocks;
}

// One section (`3`, `3.10`, `A1.1`, `3e`), then lists and ranges of them (`3.1-3.4 and 4`, `§N–M`, `§N to §M`).
const SEC = String.raw`[A-Z]?\d+(?:\.\d+)*[a-z]?(?![A-Za-z0-9_])`;
const RANGE = String.raw`§?${SEC}(?:[ \t]*(?:-|–|to)[ \t]*§?${SEC})?`;
const LIST = String.raw`${RANGE}(?:[ \t]*(?:,[ \t]*and|,|and|&)[ \t]*${RANGE})*`;
/** A document name (maybe with its `docs/` folder, in backticks, or as a Markdown link), then sections. */
const NAMED = new RegExp(
  String.raw`([A-Za-z0-9_-]+)\.md(?:\x60|\]\([^)\s]*\))?[ \t]*(?:\r?\n[ \t]*(?:\*(?!\/)|\/\/)?[ \t]*)?(?:sections?[ \t]+)?(${LIST})`,
  'g',
);
const BARE = new RegExp(String.raw`(?:\b(?:docs|sections?)[ \t]+|(?=§))(${LIST})`, 'g');
const MENTION = /(?<![\w./-])((?:[\w-]+\/)*)([\w-]+)\.md(?![\w-])/g;

/** The sections of a list like `3.1-3.4 and 4`, with the sections inside each range. */
function sectionsOf(list: string): string[] {
  const out: string[] = [];
  for (const m of list.matchAll(new RegExp(String.raw`§?(${SEC})(?:[ \t]*(?:-|–|to)[ \t]*§?(${SEC}))?`, 'g'))) {
    const [from, to] = [m[1]!, m[2]];
    out.push(from);
    if (!to) continue;
    // Same parent and plain numbers at the end (`3.1-3.4`, `A4-A7`): the sections between exist too.
    const [a, b] = [/^(.*?)(\d+)$/.exec(from), /^(.*?)(\d+)$/.exec(to)];
    if (a && b && a[1] === b[1]) for (let i = Number(a[2]) + 1; i < Number(b[2]); i++) out.push(`${a[1]}${i}`);
    out.push(to);
  }
  return out;
}

/**
 * The citations in `blocks` of the file `file` (text `source`). In code, a bare form cites the only
 * document its block names, else the nearest one named before it. In a reference document (`self`), a
 * bare form cites a document named before it on the same line (a row of a table), else the document itself.
 */
function citations(file: string, source: string, blocks: Block[], self?: string): Citation[] {
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const found: Citation[] = [];
  for (const { start, text } of blocks) {
    const named = [...text.matchAll(NAMED)];
    const mentions = [...text.matchAll(MENTION)];
    for (const m of named) {
      found.push({ file, line: lineAt(start + m.index), cite: m[0].replace(/\s+/g, ' '), doc: m[1]!, sections: sectionsOf(m[2]!) });
    }
    for (const m of mentions) {
      const path = `${m[1]}${m[2]}.md`;
      if (m[1]!.startsWith('docs/')) found.push({ file, line: lineAt(start + m.index), cite: path, doc: m[2]!, sections: [], path });
    }
    const names = new Set(mentions.map((m) => m[2]!));
    for (const m of text.matchAll(BARE)) {
      if (named.some((n) => m.index >= n.index && m.index < n.index + n[0].length)) continue;
      const before = mentions.filter((n) => n.index < m.index).at(-1);
      const sameLine = before && !text.slice(before.index, m.index).includes('\n') ? before[2] : undefined;
      const doc = self ? (sameLine ?? self) : names.size === 1 ? [...names][0] : before?.[2];
      found.push({ file, line: lineAt(start + m.index), cite: m[0].trim(), doc, sections: sectionsOf(m[1]!) });
    }
  }
  return found;
}

/** Heading numbers of a Markdown document: `## 3.`, `### 3.2 Title`, `#### A1.1 Title`, `## B. Title`, `### 3e. Title`. */
function headings(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}[ \t]+§?([A-Z]?\d+(?:\.\d+)*[a-z]?|[A-Z])(?=[.:)]?(?:[ \t]|$))/gm)) ids.add(m[1]!);
  return ids;
}

/** What is wrong with `found`, one `file:line: …` line per broken citation, given each document's headings. */
function problems(
  found: Citation[],
  docs: (name: string) => Set<string> | undefined,
  unnamed = UNNAMED,
): { broken: string[]; pending: string[] } {
  const broken: string[] = [];
  const pending: string[] = [];
  const used = new Set<(typeof unnamed)[number]>();
  for (const c of found) {
    const where = `${c.file}:${c.line}: \`${c.cite}\``;
    if (c.path) {
      if (!existsSync(join(root, c.path))) broken.push(`${where}: ${c.path} does not exist`);
      continue;
    }
    let doc = c.doc;
    if (doc === undefined) {
      const entry = unnamed.find((u) => u.file === c.file && u.cite === c.cite);
      if (!entry) {
        broken.push(`${where}: name the document in this comment (\`<document>.md ${c.sections[0]}\`): a bare section cannot be checked`);
        continue;
      }
      used.add(entry);
      pending.push(`${where} means ${entry.doc}.md (name it in the comment, then drop the UNNAMED entry)`);
      doc = entry.doc;
    }
    const ids = docs(doc);
    if (!ids) {
      broken.push(`${where}: docs/${doc}.md does not exist`);
      continue;
    }
    const missing = c.sections.filter((s) => !ids.has(s));
    if (missing.length) broken.push(`${where}: docs/${doc}.md has no heading numbered ${missing.join(', ')}`);
  }
  for (const u of unnamed)
    if (!used.has(u)) broken.push(`UNNAMED entry ${u.file} \`${u.cite}\` matches no bare citation any more: delete it`);
  return { broken, pending };
}

/** Files under `dir` (repository-relative) whose names pass `keep`, skipping dependencies and build output. */
function walk(dir: string, keep: (name: string) => boolean): string[] {
  const skip = new Set(['node_modules', '.gen', 'cdktf.out', 'results', 'dist']);
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return skip.has(e.name) ? [] : walk(path, keep);
    return keep(e.name) ? [path] : [];
  });
}

/** Headings of docs/<name>.md, read once; undefined when the document does not exist. */
const docHeadings = (() => {
  const cache = new Map<string, Set<string> | undefined>();
  return (name: string) => {
    if (!cache.has(name)) {
      const path = join(root, 'docs', `${name}.md`);
      cache.set(name, existsSync(path) ? headings(readFileSync(path, 'utf8')) : undefined);
    }
    return cache.get(name);
  };
})();

/** The reference documents listed in the table of docs/reference.md (base names, from the first cell of each row). */
function referenceDocs(): string[] {
  const index = readFileSync(join(root, 'docs', 'reference.md'), 'utf8');
  return [...index.matchAll(/^\| \[[\w-]+\.md\]\(([\w-]+)\.md\) \|/gm)].map((m) => m[1]!);
}

function scanRepository(): Citation[] {
  const code = (name: string) => /\.(ts|mts|js|mjs)$/.test(name);
  const found: Citation[] = [];
  const sources = [...walk('src', (n) => n.endsWith('.ts')), ...walk('bench', code), ...walk('examples', (n) => n.endsWith('.ts'))];
  for (const file of sources) {
    const text = readFileSync(join(root, file), 'utf8');
    found.push(...citations(file, text, commentBlocks(text)));
  }
  for (const file of [...walk('bench', (n) => n.endsWith('.md')), ...walk('examples', (n) => n.endsWith('.md'))]) {
    const text = readFileSync(join(root, file), 'utf8');
    found.push(...citations(file, text, paragraphs(text)));
  }
  for (const name of ['reference', ...referenceDocs()]) {
    const file = `docs/${name}.md`;
    if (!existsSync(join(root, file))) continue;
    const text = readFileSync(join(root, file), 'utf8');
    found.push(...citations(file, text, paragraphs(text), name));
  }
  return found;
}

test('every citation of a reference document in the code and the docs resolves to a heading in docs/', (t) => {
  const found = scanRepository();
  assert.ok(
    found.filter((c) => c.doc === 'ecs-api' && c.file.startsWith('src/')).length >= 10,
    'the scan finds the code citations of ecs-api.md',
  );
  const { broken, pending } = problems(found, docHeadings);
  for (const p of pending) t.diagnostic(`pending comment fix: ${p}`);
  assert.deepEqual(broken, []);
});

test('docs/reference.md lists the reference documents, and each exists with numbered sections', () => {
  const listed = referenceDocs();
  for (const name of ['ecs-api', 'tfplugin6', 'api-wave2', 'computed-blocks', 'anchor-provider'])
    assert.ok(listed.includes(name), `${name}.md listed`);
  for (const name of listed) assert.ok((docHeadings(name)?.size ?? 0) > 3, `docs/${name}.md exists with numbered headings`);
  assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\(docs\/reference\.md\)/, 'README.md links docs/reference.md');
});

test('the scanner reads comments only, and reports broken citations by file and line', () => {
  const source = [
    '/**',
    ' * Rules (ecs-api.md 1.2): fine. See `docs/ecs-api.md` sections 3.1-3.3 and 9.',
    ' */',
    "const s = '// ecs-api.md 7.7 in a string is not a citation';",
    'const t = `/* tfplugin6.md 9.9 */ ${s}`;',
    'const r = /\\/\\/ ecs-api.md 8.8/;',
    '// Bare forms: the same block names the document, api-wave2.md,',
    '// so docs 1.4 resolves there.',
    'f(); // a lone section 2.2 names nothing',
    '/** missing.md 1 and tfplugin6.md §5.2–5.4, then §5.9 (nearest named before it). */',
    'function g() {',
    '  return 1; // trailing: computed-blocks.md 3e',
    '}',
  ].join('\n');
  const found = citations('src/x.ts', source, commentBlocks(source));
  const docs: Record<string, string[]> = {
    'ecs-api': ['1', '1.2', '3', '3.1', '3.2', '3.3'],
    'api-wave2': ['1', '1.4'],
    tfplugin6: ['5', '5.2', '5.3', '5.4'],
    'computed-blocks': ['3', '3e'],
  };
  const lookup = (name: string) => (docs[name] ? new Set(docs[name]) : undefined);
  assert.deepEqual(problems(found, lookup, []).broken, [
    'src/x.ts:2: `ecs-api.md` sections 3.1-3.3 and 9`: docs/ecs-api.md has no heading numbered 9',
    'src/x.ts:9: `section 2.2`: name the document in this comment (`<document>.md 2.2`): a bare section cannot be checked',
    'src/x.ts:10: `missing.md 1`: docs/missing.md does not exist',
    'src/x.ts:10: `§5.9`: docs/tfplugin6.md has no heading numbered 5.9',
  ]);
  assert.deepEqual(
    found.map((c) => [c.line, c.doc, c.sections.join(' ')]),
    [
      [2, 'ecs-api', '1.2'],
      [2, 'ecs-api', '3.1 3.2 3.3 9'],
      [2, 'ecs-api', ''],
      [8, 'api-wave2', '1.4'],
      [9, undefined, '2.2'],
      [10, 'missing', '1'],
      [10, 'tfplugin6', '5.2 5.3 5.4'],
      [10, 'tfplugin6', '5.9'],
      [12, 'computed-blocks', '3e'],
    ],
  );
});

test('a bare citation listed as unnamed resolves in the document it means, and a stale entry fails', () => {
  const found = citations('src/y.ts', '/** Limits (docs 3.5). */\n', commentBlocks('/** Limits (docs 3.5). */\n'));
  const lookup = (name: string) => (name === 'ecs-api' ? new Set(['3.5']) : undefined);
  const entry = { file: 'src/y.ts', cite: 'docs 3.5', doc: 'ecs-api' };
  assert.deepEqual(problems(found, lookup, [entry]), {
    broken: [],
    pending: ['src/y.ts:1: `docs 3.5` means ecs-api.md (name it in the comment, then drop the UNNAMED entry)'],
  });
  assert.deepEqual(problems([], lookup, [entry]).broken, [
    'UNNAMED entry src/y.ts `docs 3.5` matches no bare citation any more: delete it',
  ]);
});

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFile } from '../engine/fix.js';
import { selectRules } from '../engine/linter.js';
import { lintFiles } from '../engine/project.js';
import type { ContentModel } from '../content-model.js';
import type { LintContext } from '../lint-context.js';
import { type RuleDefinition, SOURCE, ruleDocsUrl } from '../rule.js';
import { materializeFixtures } from './fixture-repository.js';
import { messageLine, testLintContext } from './lint-text.js';

/** One message as a fixture's `*.expected.json` lists it: everything is compared exactly. */
export interface ExpectedMessage {
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface RuleHarnessOptions {
  /** The rules under test; each needs a folder `<fixtures>/<rule-id>/`. */
  readonly rules: readonly RuleDefinition[];
  /** The folder of fixture folders. */
  readonly fixtures: string;
  /** Rule ids lint comments may name (default: the rules under test). */
  readonly knownRuleIds?: readonly string[];
  /** Where a rule's docs examples are linted inside its fixture repository (default `docs-example.md`). */
  readonly examplePaths?: Readonly<Record<string, string | { readonly fail: string; readonly pass: string }>>;
  /** Seeds a fresh lint context before each run (facts a rule receives from outside, like network answers). */
  readonly prepareContext?: (context: LintContext, ruleId: string) => void;
  /** More checks on each fixed output, given the input it came from. */
  readonly checkFixed?: (input: string, output: string) => void;
}

type Eol = 'LF' | 'CRLF';
const EOLS: readonly Eol[] = ['LF', 'CRLF'];

function withEol(text: string, eol: Eol): string {
  const lf = text.replace(/\r\n/gu, '\n');
  return eol === 'LF' ? lf : lf.replace(/\n/gu, '\r\n');
}

/** A note the harness lints: `valid*.md` gives nothing, `invalid*.md` what its `.expected.json` lists (also as `<prefix>.valid*.md` in nested layouts). */
function isFixtureNote(relPath: string): boolean {
  const name = path.posix.basename(relPath);
  return /(?:^|\.)(?:in)?valid[^/]*\.md$/u.test(name) && !name.endsWith('.fixed.md');
}

function isInvalid(relPath: string): boolean {
  return /(?:^|\.)invalid[^/]*\.md$/u.test(path.posix.basename(relPath));
}

function fixtureNotes(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => !entry.startsWith('.git/') && isFixtureNote(entry))
    .sort();
}

const sibling = (relPath: string, suffix: string): string => relPath.replace(/\.md$/u, suffix);

/**
 * The rule harness of every package. For each rule:
 * - its docs examples: `fail` gives exactly `docs.messages`, `pass` gives none;
 * - each fixture note, with LF and with CRLF line endings: exactly the messages
 *   `notes lint` gives (the engine's per-file and after-files phases) as its
 *   `.expected.json` lists them (line, column, rule, severity, text; `url` and
 *   `source` on every message), a fix through the engine's `fixFile` (the loop
 *   of `notes fix`) that gives its `.fixed.md` byte for byte (the note itself
 *   when there is none), and a second fix pass that changes nothing.
 * Each rule's fixtures are linted in a temp git repository made from its
 * folder, removed after the rule's tests.
 */
export function describeRules(options: RuleHarnessOptions): void {
  const knownRuleIds = options.knownRuleIds ?? options.rules.map((rule) => rule.id);

  it('has a fixture folder for every rule and a rule for every fixture folder', () => {
    const folders = readdirSync(options.fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual(options.rules.map((rule) => rule.id).sort());
  });

  for (const rule of options.rules) {
    describe(rule.id, () => {
      const source = path.join(options.fixtures, rule.id);
      const notes = existsSync(source) ? fixtureNotes(source) : [];
      let repository: ReturnType<typeof materializeFixtures> | undefined;
      beforeAll(() => {
        repository = materializeFixtures(source);
      });
      afterAll(() => repository?.remove());

      const root = (): string => {
        if (!repository) throw new Error(`no fixture repository for ${rule.id}`);
        return repository.root;
      };
      const enabled = (context: LintContext) => selectRules([rule], context.config, [rule.id]);
      const contextAt = (): LintContext => {
        const context = testLintContext(root());
        options.prepareContext?.(context, rule.id);
        return context;
      };
      /**
       * Runs `work` with `text` written as the note at `relPath` in the fixture repository
       * (the engine reads notes from disk, as `notes lint` and `notes fix` do), then puts back what was there.
       */
      const withNote = async <T>(relPath: string, text: string, work: () => Promise<T>): Promise<T> => {
        const absolute = path.join(root(), relPath);
        const before = existsSync(absolute) ? readFileSync(absolute) : undefined;
        mkdirSync(path.dirname(absolute), { recursive: true });
        writeFileSync(absolute, text);
        try {
          return await work();
        } finally {
          if (before) writeFileSync(absolute, before);
          else rmSync(absolute);
        }
      };
      /** The messages of `notes lint` on the note (its per-file and after-files phases). */
      const lint = (relPath: string, text: string) =>
        withNote(relPath, text, async () => {
          const context = contextAt();
          const loadContent = (): ContentModel => {
            if (!context.content) throw new Error(`the fixture repository of ${rule.id} has no content folder`);
            return context.content;
          };
          const session = { repo: context.repo, config: context.config, contentDir: context.config.content, loadContent };
          const [file] = await lintFiles(session, [relPath], enabled(context), { knownRuleIds, context });
          return file?.messages ?? [];
        });
      /** What `notes fix` makes of the note. */
      const fix = (relPath: string, text: string) =>
        withNote(relPath, text, async () => {
          const context = contextAt();
          return fixFile(context, relPath, enabled(context), knownRuleIds);
        });

      it('has valid and invalid fixtures, and a fixed one when it can fix', () => {
        expect(notes.filter((note) => !isInvalid(note))).not.toEqual([]);
        expect(notes.filter(isInvalid)).not.toEqual([]);
        const fixed = notes.filter((note) => existsSync(path.join(source, sibling(note, '.fixed.md'))));
        if (rule.fixable) expect(fixed).not.toEqual([]);
        else expect(fixed).toEqual([]);
      });

      it.each(EOLS)('docs examples (%s): `fail` gives exactly the documented messages, `pass` none', async (eol) => {
        const where = options.examplePaths?.[rule.id] ?? 'docs-example.md';
        const run = async (markdown: string, relPath: string) => (await lint(relPath, withEol(markdown, eol))).map(messageLine);
        expect(rule.docs.messages).not.toEqual([]);
        expect(await run(rule.docs.fail, typeof where === 'string' ? where : where.fail)).toEqual(rule.docs.messages);
        expect(await run(rule.docs.pass, typeof where === 'string' ? where : where.pass)).toEqual([]);
      });

      for (const note of notes) {
        const input = readFileSync(path.join(source, note), 'utf8');
        const expectedPath = path.join(source, sibling(note, '.expected.json'));
        const fixedPath = path.join(source, sibling(note, '.fixed.md'));
        const expected: ExpectedMessage[] = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedMessage[]) : [];
        const fixed = existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : input;
        const eols = /\r(?!\n)/u.test(input) ? [] : EOLS;

        if (isInvalid(note)) {
          it(`${note} lists the messages it expects`, () => {
            expect(expected).not.toEqual([]);
          });
        } else {
          it(`${note} is valid: it has no expected messages or fixed output`, () => {
            expect(existsSync(expectedPath) || existsSync(fixedPath)).toBe(false);
          });
        }

        it.each(eols)(`${note} (%s): exactly the expected messages, fixed byte for byte, nothing left for a second pass`, async (eol) => {
          const text = withEol(input, eol);
          const messages = await lint(note, text);
          const actual = messages.map((message) => ({
            line: message.line,
            column: message.column,
            ruleId: message.ruleId,
            severity: message.fatal === true ? 'error' : 'warning',
            message: message.reason,
          }));
          expect(actual).toEqual(expected);
          for (const message of messages) {
            expect(message.url).toBe(ruleDocsUrl(message.ruleId ?? ''));
            expect(message.source).toBe(SOURCE);
          }

          const once = await fix(note, text);
          expect(once.file.messages.map(messageLine)).toEqual([]);
          expect(once.unsettled).toBe(false);
          expect(once.after).toBe(withEol(fixed, eol));
          options.checkFixed?.(text, once.after);
          const twice = await fix(note, once.after);
          expect(twice.after).toBe(once.after);
          expect([...twice.counts]).toEqual([]);
        });
      }
    });
  }
}

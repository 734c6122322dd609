// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readMessages } from './support/i18n';

const ROOT = resolve(import.meta.dirname, '../..');
const UI_DIRECTORIES = ['components', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/sent-contacts'];

// Attributes a person reads or a screen reader speaks.
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);

function uiFiles(): string[] {
  return UI_DIRECTORIES.flatMap((directory) =>
    readdirSync(join(ROOT, directory))
      .filter((name) => name.endsWith('.tsx'))
      .map((name) => join(directory, name)),
  );
}

/** Lists literal text in JSX: text between tags and string values of readable attributes. */
function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Lists the message keys the file passes to `t(...)`. */
function usedKeys(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!);
}

describe('UI strings', () => {
  it.each(uiFiles())('%s has no literal text outside the locale files', (file) => {
    expect(literalTexts(file)).toEqual([]);
  });

  it('use only message keys that exist', () => {
    const messages = readMessages('en');
    const missing = uiFiles().flatMap((file) => usedKeys(file).filter((key) => !(key in messages)).map((key) => `${file}: ${key}`));

    expect(missing).toEqual([]);
  });
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * (#25 heap) What the window loads at start: the modules reached from its entry through static
 * imports that stay at run time. Type-only imports are erased by the build and `import()` loads
 * a chunk on first use, so neither is followed. Packages are listed by their import name.
 */
export interface StartImports {
  /** Project files, by path relative to the root. */
  files: Set<string>;
  /** Package imports found on the way (`zod`, `react-dom/client`…), each with the first file importing it. */
  packages: Map<string, string>;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  return EXTENSIONS.map((extension) => base + extension).find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** True when every name the declaration brings in is a type (`import type {…}`, `import { type A, type B }`). */
function onlyTypes(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** The specifiers a file imports or re-exports at run time. */
export function runtimeImportsOf(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && !onlyTypes(statement.importClause)) specifiers.push(statement.moduleSpecifier.text);
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers;
}

export function windowStartImports(root: string, entry: string): StartImports {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [path.resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const relative = path.relative(root, file);
    if (files.has(relative)) continue;
    files.add(relative);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of runtimeImportsOf(file, readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, relative);
        continue;
      }
      const resolved = resolveRelative(file, specifier);
      if (resolved) queue.push(resolved);
    }
  }
  return { files, packages };
}

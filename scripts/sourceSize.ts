import { promises as fs } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The size rule of issue #18: no non-React function over 60 lines, no source file over 400
 * lines. Measured with the TypeScript parser so that a function is what the compiler says it
 * is (declarations, methods, accessors, constructors, arrow functions, function expressions).
 *
 * What counts as React, and so is left to the component's own shape:
 * - a component: a function in a `.tsx` file whose name starts with an upper-case letter;
 * - a hook: a function in renderer/ whose name is `use` followed by an upper-case letter.
 * Functions inside a component or hook (callbacks, effects) are measured like any other.
 * A table of strings made when first read (isLazyTable) is data and is not measured.
 *
 * A file may opt out only for a measured hot loop: `// size-exempt: <reason>` in its first
 * 5 lines. Generated files (`*.generated.ts`), tests, e2e and bench are not sources here.
 */
export const maxFunctionLines = 60;
export const maxFileLines = 400;
const exemptMarker = /\/\/\s*size-exempt:\s*\S/;

export interface SizeFinding {
  file: string;
  line: number;
  message: string;
}

/** Folders whose files are production sources. */
export const sourceRoots = ['electron', 'shared', 'renderer', 'bin', 'build'];
const sourceExtensions = /\.(ts|tsx|js|mjs|cjs)$/;
const notSources = [/\.test\.tsx?$/, /\.generated\.ts$/, /\.d\.ts$/, /(^|\/)node_modules\//];

export function isSizeSource(relativePath: string): boolean {
  const normalised = relativePath.split(path.sep).join('/');
  return sourceExtensions.test(normalised) && !notSources.some((pattern) => pattern.test(normalised));
}

export function isExempt(text: string): boolean {
  return text.split('\n').slice(0, 5).some((line) => exemptMarker.test(line));
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(js|mjs|cjs)$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The name a function is known by: its own, or the variable, property or call it is given to (`memo(() => …)`). */
function functionName(node: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return propertyNameText(node.name);
  let holder: ts.Node = node.parent;
  while (ts.isCallExpression(holder) || ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder)) holder = holder.parent;
  if (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) return propertyNameText(holder.name);
  return undefined;
}

function isReactFunction(file: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (file.endsWith('.tsx') && /^[A-Z]/.test(name)) return true;
  return file.split(path.sep).join('/').startsWith('renderer/') && /^use[A-Z]/.test(name);
}

/**
 * A table of words written as a function so that it is made when first read (the UI's
 * languages, renderer/src/i18n/lazyLanguages.ts): an arrow function whose body is an object
 * literal of plain strings. It holds data, not steps, and is not measured as a function.
 */
function isLazyTable(fn: ts.FunctionLikeDeclaration): boolean {
  if (!ts.isArrowFunction(fn)) return false;
  let body: ts.Node = fn.body;
  while (ts.isParenthesizedExpression(body) || ts.isAsExpression(body)) body = body.expression;
  return (
    ts.isObjectLiteralExpression(body) &&
    body.properties.every((property) => ts.isPropertyAssignment(property) && (ts.isStringLiteral(property.initializer) || ts.isNoSubstitutionTemplateLiteral(property.initializer)))
  );
}

/** The findings for one source file's text; `file` is its path relative to the project root. */
export function measureSource(file: string, text: string): SizeFinding[] {
  if (isExempt(text)) return [];
  const findings: SizeFinding[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const fileLines = source.getLineAndCharacterOfPosition(source.getEnd()).line + (text.endsWith('\n') ? 0 : 1);
  if (fileLines > maxFileLines) findings.push({ file, line: 1, message: `file is ${fileLines} lines (at most ${maxFileLines})` });
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const fn = node as ts.FunctionLikeDeclaration;
      const name = functionName(fn);
      const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const lines = last - first + 1;
      if (lines > maxFunctionLines && !isReactFunction(file, name) && !isLazyTable(fn)) {
        findings.push({ file, line: first + 1, message: `function ${name ?? '(anonymous)'} is ${lines} lines (at most ${maxFunctionLines})` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

async function listSources(root: string, folder: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...(await listSources(root, relative)));
    } else if (entry.isFile() && isSizeSource(relative)) {
      files.push(relative);
    }
  }
  return files;
}

/** Every finding in the project's production sources, as `file:line message`. */
export async function measureProject(root: string): Promise<SizeFinding[]> {
  const findings: SizeFinding[] = [];
  for (const folder of sourceRoots) {
    for (const file of await listSources(root, folder)) {
      findings.push(...measureSource(file.split(path.sep).join('/'), await fs.readFile(path.join(root, file), 'utf8')));
    }
  }
  return findings;
}

export function formatFinding(finding: SizeFinding): string {
  return `${finding.file}:${finding.line} ${finding.message}`;
}

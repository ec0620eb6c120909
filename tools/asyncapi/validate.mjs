// Validates an AsyncAPI document with the AsyncAPI project's own parser (@asyncapi/parser: the JSON
// Schema of the specification, its Spectral rules and the payloads' schema formats), prints every
// diagnostic it gives, and exits non-zero if any of them is an error, so that a build can rely on it.
//
//   node tools/asyncapi/validate.mjs <file>     (npm ci --prefix tools/asyncapi first)
//
// Exit codes: 0 valid (warnings and hints may be printed), 1 an error-severity diagnostic or no
// document, 2 no such file or no argument.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const SEVERITIES = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi-document.json|yaml>');
  process.exit(2);
}

let text;
try {
  text = await readFile(file, 'utf8');
} catch (e) {
  console.error(`cannot read ${file}: ${e.message}`);
  process.exit(2);
}

const { document, diagnostics } = await new Parser().parse(text, { source: file });

for (const diagnostic of diagnostics) {
  const where = diagnostic.path && diagnostic.path.length ? diagnostic.path.join('.') : '(document)';
  console.log(`${SEVERITIES[diagnostic.severity] ?? diagnostic.severity} ${diagnostic.code} at ${where}: ${diagnostic.message}`);
}

const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
if (errors > 0 || document === undefined) {
  console.log(`${file}: invalid, ${errors} error(s) in ${diagnostics.length} diagnostic(s)`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${diagnostics.length} diagnostic(s), none an error`);

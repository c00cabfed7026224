'use strict';
// kql-check: parses Kusto commands with Microsoft's own Kusto parser, the Kusto.Language library that the npm package
// @kusto/language-service-next ships compiled to JavaScript (with Bridge.NET). Run it through the `kql-check` script
// beside this file, which installs the pinned package first.
//
//   kql-check [FILE...]     reads each FILE, or standard input when no file is given
//
// A file holds one or more commands separated by blank lines; lines whose first non-blank characters are `//` are
// comments. For every command one JSON line is printed:
//   {"file":..., "ok":true|false, "commandKinds":[...], "command":..., "diagnostics":[{severity, code, message, text}]}
// A summary goes to standard error, and the exit status is 1 when any command has an error (2 on a usage error).
//
// Besides the parser's own syntax errors, two mistakes the parser lets through are reported as errors:
//   UNKNOWN_COMMAND  a dot-command the parser does not know (it parses as an UnknownCommand, without a diagnostic);
//   MAPPING_JSON     an ingestion mapping whose text is not a JSON array of objects that each name a column
//                    (https://learn.microsoft.com/en-us/kusto/management/mappings).
const fs = require('fs');
const path = require('path');

function loadParser() {
  const home = path.dirname(require.resolve('@kusto/language-service-next/package.json', { paths: [__dirname] }));
  // bridge.js defines the globals `Bridge` and `System`; the library then defines the global `Kusto`.
  require(path.join(home, 'bridge.js'));
  require(path.join(home, 'Kusto.Language.Bridge.js'));
  return Kusto.Language;
}

const Language = loadParser();
const Syntax = Language.Syntax;
const TokenKind = Syntax.SyntaxKind;

/** Splits a script into its commands: blocks separated by blank lines, comment lines removed. */
function splitCommands(text) {
  const commands = [];
  let current = [];
  const flush = () => {
    const command = current.join('\n').trim();
    if (command) commands.push(command);
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') flush();
    else if (!line.trimStart().startsWith('//')) current.push(line);
  }
  flush();
  return commands;
}

/** The tokens of a syntax element, in order. */
function tokensOf(element) {
  const tokens = [];
  element.WalkElements(e => {
    if (Bridge.is(e, Syntax.SyntaxToken) && e.Width > 0) tokens.push(e);
  });
  return tokens;
}

/**
 * The mapping text of an ingestion-mapping command such as `.create table T ingestion json mapping "name" '[...]'`:
 * the string literal(s) right after the mapping's name (adjacent literals are one string in KQL), or null.
 */
function mappingLiteral(command) {
  const tokens = tokensOf(command);
  const keyword = tokens.findIndex(t => t.Kind === TokenKind.IdentifierToken && t.Text.toLowerCase() === 'mapping');
  if (keyword < 0) return null;
  const parts = [];
  for (let i = keyword + 2; i < tokens.length && tokens[i].Kind === TokenKind.StringLiteralToken; i++) {
    parts.push(tokens[i]);
  }
  if (parts.length === 0) return null;
  const last = parts[parts.length - 1];
  return { value: parts.map(t => t.ValueText).join(''), start: parts[0].TextStart, end: last.TextStart + last.Width };
}

/** Why `text` is not a usable JSON ingestion mapping, or null when it is one. */
function mappingProblem(text) {
  let mapping;
  try {
    mapping = JSON.parse(text);
  } catch (e) {
    return 'the mapping is not valid JSON: ' + e.message;
  }
  if (!Array.isArray(mapping) || mapping.length === 0) return 'the mapping must be a non-empty JSON array';
  for (let i = 0; i < mapping.length; i++) {
    const element = mapping[i];
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      return `mapping element ${i} is not a JSON object`;
    }
    const column = Object.keys(element).find(k => k.toLowerCase() === 'column');
    if (column === undefined || typeof element[column] !== 'string' || element[column] === '') {
      return `mapping element ${i} has no "column" name`;
    }
  }
  return null;
}

/** Parses one command and returns what kql-check reports about it. */
function checkCommand(text) {
  const code = Language.KustoCode.Parse(text, Language.GlobalState.Default);
  const diagnostics = Bridge.toArray(code.GetSyntaxDiagnostics()).map(d => ({
    severity: String(d.Severity),
    code: d.Code,
    message: d.Message,
    text: text.substr(d.Start, d.Length),
  }));
  const commandKinds = [];
  code.Syntax.WalkElements(element => {
    if (Bridge.is(element, Syntax.UnknownCommand)) {
      diagnostics.push({
        severity: 'Error',
        code: 'UNKNOWN_COMMAND',
        message: 'The parser does not know this command',
        text: text.substr(element.TextStart, element.Width),
      });
    } else if (Bridge.is(element, Syntax.CustomCommand)) {
      commandKinds.push(element.CommandKind);
      if (/IngestionMapping$/.test(element.CommandKind || '')) {
        const literal = mappingLiteral(element);
        const problem = literal ? mappingProblem(literal.value) : 'the command has no mapping text';
        if (problem) {
          diagnostics.push({
            severity: 'Error',
            code: 'MAPPING_JSON',
            message: problem,
            text: literal ? text.substring(literal.start, literal.end) : text,
          });
        }
      }
    }
  });
  return { ok: !diagnostics.some(d => d.severity === 'Error'), commandKinds, diagnostics };
}

function main(args) {
  if (args.some(a => a === '-h' || a === '--help')) {
    console.log('usage: kql-check [FILE...]  (commands separated by blank lines; standard input when no FILE)');
    return 0;
  }
  const inputs = [];
  for (const file of args) {
    try {
      inputs.push({ file, text: fs.readFileSync(file, 'utf8') });
    } catch (e) {
      console.error(`kql-check: cannot read ${file}: ${e.message}`);
      return 2;
    }
  }
  if (args.length === 0) inputs.push({ file: '<stdin>', text: fs.readFileSync(0, 'utf8') });

  let commands = 0;
  let failures = 0;
  for (const { file, text } of inputs) {
    for (const command of splitCommands(text)) {
      const result = checkCommand(command);
      commands++;
      if (!result.ok) failures++;
      console.log(JSON.stringify({ file, ok: result.ok, commandKinds: result.commandKinds, command, diagnostics: result.diagnostics }));
    }
  }
  console.error(`kql-check: ${commands} commands, ${failures} with errors`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

import { readFileSync } from 'node:fs';
import { AUDIT_FORMATS, auditRuleSet, FileError, parseCsv, readRuleSet, renderAudit, somethingMissing, type Engine } from '../../src';
import { chooseFrom, readFlags, readInventory, runCommand, SELECTION_FLAGS, selectRules, UsageError } from './command';

const USAGE = `Usage:
  npm run --silent audit -- --mode MODE [--component ID] [--direction in|out] [--hosts FILE] [--format text|markdown|json] RULES.csv

  --mode, --component, --direction  which required flows to audit against (as for export)
  --hosts                           a host inventory (JSON or YAML), to map addresses to components

  RULES.csv has the columns source, destination, ports, protocol (others are ignored); sources and
  destinations are component names or ids, addresses, networks, DNS names or "any".
  Exit status: 0 nothing required is missing, 1 something is, 2 unusable input.`;

/** Audits an existing rule set against the required flows of one mode. */
function runAudit(args: string[], loadEngine: () => Engine): number {
  const { values, positionals } = readFlags(args, { ...SELECTION_FLAGS, hosts: { type: 'string' }, format: { type: 'string' } }, true);
  const format = chooseFrom('--format', values.format, AUDIT_FORMATS, 'text');
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one rule set at a time, not ${positionals.length}` : 'name the rule set (a CSV file) to audit');
  const [file] = positionals;
  const engine = loadEngine();
  const required = selectRules(engine, values);
  const inventory = readInventory(engine, values.hosts);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FileError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const { records, problems } = parseCsv(text);
  const ruleSet = readRuleSet(records, problems, engine.catalog);
  if ('error' in ruleSet) throw new FileError(file, '', ruleSet.error);
  const report = auditRuleSet({ required, ...ruleSet, catalog: engine.catalog, inventory });
  process.stdout.write(renderAudit(report, format));
  return somethingMissing(report) ? 1 : 0;
}

runCommand(runAudit, USAGE);

import { exportAnswer, OUTPUT_FORMATS, type Engine } from '../../src';
import { chooseFrom, readFlags, readInventory, runCommand, SELECTION_FLAGS, selectRules } from './command';

const USAGE = `Usage:
  npm run --silent export -- --mode MODE [--component ID] [--direction in|out] [--hosts FILE] --format FORMAT

  --mode       the deployment mode: non-boi, exclusive-boi or occasional-boi
  --component  only the rules of this component (an id, e.g. edge-server)
  --direction  with --component: in (it is the destination) or out (it is the source)
  --hosts      a host inventory (JSON or YAML): component id -> addresses; without it, placeholders
  --format     csv, markdown, json or powershell`;

/** Writes the rules of one mode (optionally of one component, one direction) in a firewall format. */
function runExport(args: string[], loadEngine: () => Engine): number {
  const { values } = readFlags(args, { ...SELECTION_FLAGS, hosts: { type: 'string' }, format: { type: 'string' } });
  const format = chooseFrom('--format', values.format, OUTPUT_FORMATS);
  const engine = loadEngine();
  const answer = selectRules(engine, values);
  const inventory = readInventory(engine, values.hosts);
  if (answer.rules.length === 0) process.stderr.write(`No rules: ${answer.understood} has none.\n`);
  const file = exportAnswer(answer, engine.catalog, { inventory, format });
  for (const warning of file.warnings) process.stderr.write(`Warning: ${warning}\n`);
  process.stdout.write(file.content);
  return 0;
}

runCommand(runExport, USAGE);

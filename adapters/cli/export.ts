import { DIAGRAM_FORMATS, exportAnswer, OUTPUT_FORMATS, type DiagramFormat, type Engine } from '../../src';
import { chooseFrom, readFlags, readInventory, runCommand, SELECTION_FLAGS, selectRules, UsageError } from './command';
import { writeDiagram } from './diagram-output';

const USAGE = `Usage:
  npm run --silent export -- --mode MODE [--component ID] [--direction in|out] [--hosts FILE] --format FORMAT

  --mode       the deployment mode: non-boi, exclusive-boi or occasional-boi
  --component  only the rules of this component (an id, e.g. edge-server)
  --direction  with --component: in (it is the destination) or out (it is the source)
  --hosts      a host inventory (JSON or YAML): component id -> addresses; without it, placeholders
  --format     csv, markdown, json or powershell; svg or png: the flow diagram of the selection
  --output     with svg or png: the file to write (a PNG needs one unless standard output is redirected)`;

/** Writes the rules of one mode (optionally of one component, one direction) in a firewall format. */
function runExport(args: string[], loadEngine: () => Engine): number | Promise<number> {
  const { values } = readFlags(args, { ...SELECTION_FLAGS, hosts: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' } });
  const format = chooseFrom('--format', values.format, [...OUTPUT_FORMATS, ...DIAGRAM_FORMATS]);
  const diagram = (DIAGRAM_FORMATS as readonly string[]).includes(format);
  if (values.output !== undefined && !diagram) throw new UsageError('--output is for --format svg or png');
  const engine = loadEngine();
  const answer = selectRules(engine, values);
  if (diagram) return writeDiagram(engine, answer, format as DiagramFormat, values.output);
  const inventory = readInventory(engine, values.hosts);
  if (answer.rules.length === 0) process.stderr.write(`No rules: ${answer.understood} has none.\n`);
  const file = exportAnswer(answer, engine.catalog, { inventory, format: format as (typeof OUTPUT_FORMATS)[number] });
  for (const warning of file.warnings) process.stderr.write(`Warning: ${warning}\n`);
  process.stdout.write(file.content);
  return 0;
}

runCommand(runExport, USAGE);

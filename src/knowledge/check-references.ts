import { MAX_PORT, parsePortSpec } from './ports';
import type { DiagramPresentation } from './diagram-schema';
import { MESSAGE_PLACEHOLDERS, type Language, type Matrix, type Vocabulary } from './schema';

/** One problem that the schema alone cannot see: a dangling id, a bad port, a duplicate. */
export interface ReferenceProblem {
  file: 'matrix' | 'vocabulary' | 'language' | 'diagram';
  path: (string | number)[];
  reason: string;
}

function duplicates<T>(items: T[], keyOf: (item: T) => string, path: (i: number) => (string | number)[], what: string): ReferenceProblem[] {
  const seen = new Set<string>();
  const problems: ReferenceProblem[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) problems.push({ file: 'matrix', path: path(i), reason: `duplicate ${what} "${key}"` });
    seen.add(key);
  });
  return problems;
}

export function checkMatrix(matrix: Matrix): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [
    ...duplicates(matrix.components, (c) => c.id, (i) => ['components', i, 'id'], 'component id'),
    ...duplicates(matrix.modes, (m) => m.id, (i) => ['modes', i, 'id'], 'mode id'),
    ...duplicates(matrix.protocols, (p) => p.id, (i) => ['protocols', i, 'id'], 'protocol id'),
    ...duplicates(matrix.notes, (n) => n.id, (i) => ['notes', i, 'id'], 'note id'),
    ...duplicates(matrix.tables, (t) => t.id, (i) => ['tables', i, 'id'], 'table id'),
    ...duplicates(matrix.services, (s) => s.id, (i) => ['services', i, 'id'], 'service id'),
  ];
  const add = (path: (string | number)[], reason: string) => problems.push({ file: 'matrix', path, reason });
  const components = new Set(matrix.components.map((c) => c.id));
  const modes = new Set(matrix.modes.map((m) => m.id));
  const protocols = new Set(matrix.protocols.map((p) => p.id));
  const notes = new Set(matrix.notes.map((n) => n.id));
  const tables = new Set(matrix.tables.map((t) => t.id));

  matrix.services.forEach((service, s) => {
    const at = (...rest: (string | number)[]) => ['services', s, ...rest];
    if (!protocols.has(service.protocol)) add(at('protocol'), `unknown protocol "${service.protocol}"`);
    if (service.portNote && !notes.has(service.portNote)) add(at('portNote'), `unknown note "${service.portNote}"`);
    service.ports.forEach((spec, p) => {
      const { from, to } = parsePortSpec(spec);
      if (from < 1 || to > MAX_PORT) add(at('ports', p), `port ${spec} is outside 1-${MAX_PORT}`);
      else if (from >= to && spec.includes('-')) add(at('ports', p), `range ${spec} must ascend`);
    });
    service.rows.forEach((row, r) => {
      if (!tables.has(row.table)) add(at('rows', r, 'table'), `unknown table "${row.table}"`);
      // A mode left out would silently lose its rules: the document's "NA" must be written out.
      for (const mode of modes) if (!(mode in row.modes)) add(at('rows', r, 'modes'), `mode "${mode}" is missing (write "NA" where the document says NA)`);
      for (const [mode, block] of Object.entries(row.modes)) {
        if (!modes.has(mode)) add(at('rows', r, 'modes', mode), `unknown mode "${mode}"`);
        if (block === 'NA') continue;
        block.sources.forEach((c, i) => components.has(c) || add(at('rows', r, 'modes', mode, 'sources', i), `unknown component "${c}"`));
        block.destinations.forEach((c, i) => components.has(c) || add(at('rows', r, 'modes', mode, 'destinations', i), `unknown component "${c}"`));
        for (const [destination, note] of Object.entries(block.destinationNotes ?? {})) {
          if (!block.destinations.includes(destination)) add(at('rows', r, 'modes', mode, 'destinationNotes', destination), `"${destination}" is not a destination of this row`);
          if (!notes.has(note)) add(at('rows', r, 'modes', mode, 'destinationNotes', destination), `unknown note "${note}"`);
        }
      }
    });
  });
  return problems;
}

export function checkVocabulary(vocabulary: Vocabulary, matrix: Matrix): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (path: (string | number)[], reason: string) => problems.push({ file: 'vocabulary', path, reason });
  const known = (section: 'components' | 'modes' | 'services' | 'protocols', ids: Set<string>) => {
    for (const key of Object.keys(vocabulary[section])) if (!ids.has(key)) add([section, key], `no ${section.replace(/s$/, '')} "${key}" in the matrix`);
  };
  known('components', new Set(matrix.components.map((c) => c.id)));
  known('modes', new Set(matrix.modes.map((m) => m.id)));
  known('services', new Set(matrix.services.map((s) => s.id)));
  known('protocols', new Set(matrix.protocols.map((p) => p.id)));
  const transports = new Set(matrix.protocols.flatMap((p) => p.transports));
  for (const key of Object.keys(vocabulary.transports)) if (!transports.has(key)) add(['transports', key], `no protocol of the matrix runs over "${key}"`);
  const modes = new Set(matrix.modes.map((m) => m.id));
  const notes = new Set(matrix.notes.map((n) => n.id));
  for (const key of Object.keys(vocabulary.conditions)) if (!notes.has(key)) add(['conditions', key], `no note "${key}" in the matrix`);
  for (const [kind, mode] of Object.entries(vocabulary.deployments ?? {})) if (mode && !modes.has(mode)) add(['deployments', kind], `unknown mode "${mode}"`);
  if (vocabulary.endpointComponent && !matrix.components.some((c) => c.id === vocabulary.endpointComponent))
    add(['endpointComponent'], `unknown component "${vocabulary.endpointComponent}"`);
  vocabulary.modeGroups.forEach((group, g) =>
    group.modes.forEach((mode, i) => modes.has(mode) || add(['modeGroups', g, 'modes', i], `unknown mode "${mode}"`)),
  );

  // One phrase naming two different things would make the engine guess between them.
  const owner = new Map<string, string>();
  const claim = (phrase: string, who: string, path: (string | number)[]) => {
    const previous = owner.get(phrase);
    if (previous && previous !== who) add(path, `"${phrase}" already names ${previous}`);
    else owner.set(phrase, who);
  };
  for (const section of ['components', 'modes', 'services', 'protocols', 'transports', 'conditions'] as const)
    for (const [key, aliases] of Object.entries(vocabulary[section])) aliases.forEach((a, i) => claim(a, `${section}.${key}`, [section, key, i]));
  vocabulary.modeGroups.forEach((group, g) => group.aliases.forEach((a, i) => claim(a, `modeGroups.${group.id}`, ['modeGroups', g, 'aliases', i])));
  return problems;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The {placeholders} of a text that are not among those allowed. */
function unknownPlaceholders(text: string, allowed: readonly string[]): string[] {
  return [...text.matchAll(PLACEHOLDER)].map(([, key]) => key).filter((key) => !allowed.includes(key));
}

export function checkLanguage(language: Language): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: (string | number)[], keys: string[]) => keys.forEach((key) => problems.push({ file: 'language', path, reason: `unknown placeholder {${key}}` }));
  const templateKeys = ['component', 'otherComponent', 'mode', 'otherMode', 'port'];
  for (const [name, template] of Object.entries(language.templates)) report(['templates', name], unknownPlaceholders(template, templateKeys));
  for (const [group, keys] of Object.entries(MESSAGE_PLACEHOLDERS)) {
    const texts = language.messages[group as keyof typeof MESSAGE_PLACEHOLDERS] as Record<string, string>;
    for (const [key, allowed] of Object.entries(keys)) report(['messages', group, key], unknownPlaceholders(texts[key], allowed));
  }
  for (const [kind, forms] of Object.entries(language.messages.counts))
    for (const [form, text] of Object.entries(forms)) report(['messages', 'counts', kind, form], unknownPlaceholders(text, ['n']));
  return problems;
}

/** The diagram's groups name components of the matrix, each component in one group at most. */
export function checkDiagram(diagram: DiagramPresentation, matrix: Matrix): ReferenceProblem[] {
  const components = new Set(matrix.components.map((c) => c.id));
  const grouped = new Map<string, string>();
  const problems: ReferenceProblem[] = [];
  diagram.groups.forEach((group, g) => {
    group.components.forEach((component, c) => {
      const path = ['groups', g, 'components', c];
      if (!components.has(component)) problems.push({ file: 'diagram', path, reason: `unknown component "${component}"` });
      else if (grouped.has(component)) problems.push({ file: 'diagram', path, reason: `"${component}" is already in group "${grouped.get(component)}"` });
      grouped.set(component, group.id);
    });
  });
  return problems;
}

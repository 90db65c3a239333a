import type { Match } from '../answer';
import type { Knowledge } from '../knowledge/build';
import type { Tag } from '../knowledge/phrase-index';
import { MAX_PORT, rangesOverlap, type PortRange } from '../knowledge/ports';
import type { CueName, OutputFormat } from '../knowledge/schema';
import type { Piece } from './extract';

export type Role = 'source' | 'destination';

/** Everything the question names, with where it stands: what classify and select work from. */
export interface Reading {
  components: { id: string; role?: Role; between: boolean }[];
  /** Modes in the order named, with "from"/"to" where the question gives them (for a diff). */
  modes: { id: string; role?: 'from' | 'to' }[];
  modeGroups: string[];
  services: string[];
  protocols: string[];
  transports: string[];
  ports: PortRange[];
  /** Ports the matrix does not use, or numbers that are no port at all. */
  foreignPorts: string[];
  /** What the question rules out: "HTTP (not HTTPS)", "every rule except the clients'". */
  excluded: { kind: 'component' | 'mode' | 'service' | 'protocol' | 'transport'; id: string }[];
  /** The output format asked for ("as CSV", "powershell"), if any. */
  format?: OutputFormat;
  /** inbound / outbound, said of the question as a whole. */
  direction?: 'in' | 'out';
  cues: Set<CueName>;
  /** A yes/no question: it opens with "is", "does", "can I"... (not "can you"). */
  asksYesNo: boolean;
  /** It opens with "what", "which", "list"...: asks for a list, not a yes/no. */
  asksWh: boolean;
  /** It opens like a follow-up: "and in...", "what about...", "only...". */
  followsUp: boolean;
  /** Generic nouns that name no component in particular ("the server"): the question needs one. */
  vagueNouns: string[];
  /**
   * Words no vocabulary holds, and names of other products ("Exchange", "RDP"): the question is
   * about something the matrix does not hold. `otherProduct` when the vocabulary knows it is one.
   */
  foreign: { word: string; otherProduct: boolean }[];
  matches: Match[];
}

type EntityTag = Exclude<Tag, { kind: 'cue' } | { kind: 'product' } | { kind: 'format' } | { kind: 'otherProduct' }>;
const entityKinds = new Set(['component', 'mode', 'modeGroup', 'service', 'protocol', 'transport']);

const NO_CUES: readonly CueName[] = [];
const cuesOf = (piece: Piece | undefined): readonly CueName[] => (piece?.kind === 'phrase' ? piece.cues : NO_CUES);
const entityOf = (piece: Piece): EntityTag | undefined =>
  piece.kind === 'phrase' ? (piece.tags.find((t) => entityKinds.has(t.kind)) as EntityTag | undefined) : undefined;

export function readQuestion(pieces: Piece[], knowledge: Knowledge): Reading {
  const reading: Reading = {
    components: [], modes: [], modeGroups: [], services: [], protocols: [], transports: [], ports: [], foreignPorts: [],
    cues: new Set(), asksYesNo: false, asksWh: false, followsUp: false, vagueNouns: [], foreign: [], matches: [], excluded: [],
  };

  const isDeterminer = (piece: Piece) => piece.kind === 'word' && knowledge.determiners.has(piece.word);
  /** The nearest piece before `i` that is not a determiner or the product's name ("from the DLO edge server"). */
  const before = (i: number) => {
    for (let j = i - 1; j >= 0; j--) {
      const piece = pieces[j];
      if (!isDeterminer(piece) && !(piece.kind === 'phrase' && piece.tags.some((t) => t.kind === 'product'))) return j;
    }
    return -1;
  };
  /** The role a verb after a component gives it: "the console connects to", "the server listens on". */
  const roleAfter = (i: number): Role | undefined => {
    for (let j = i + 1; j < pieces.length && j <= i + 5; j++) {
      const piece = pieces[j];
      if (entityOf(piece)) return undefined;
      const cues = cuesOf(piece);
      if (cues.includes('sourceVerbs')) return 'source';
      if (cues.includes('destinationVerbs')) return 'destination';
    }
    return undefined;
  };

  let previousComponentRole: { role?: Role; between: boolean } | undefined;
  let between = false;
  pieces.forEach((piece, i) => {
    for (const cue of cuesOf(piece)) reading.cues.add(cue);
    if (piece.kind === 'port') {
      const range = { from: piece.from, to: piece.to };
      const known = piece.from >= 1 && piece.to <= MAX_PORT && piece.from <= piece.to && knowledge.portsInMatrix.some((r) => rangesOverlap(r, range));
      if (known) {
        if (!reading.ports.some((p) => p.from === range.from && p.to === range.to)) reading.ports.push(range);
      } else if (!reading.foreignPorts.includes(piece.words)) reading.foreignPorts.push(piece.words);
      reading.matches.push({ kind: 'port', id: piece.words, words: piece.words, how: 'exact' });
      return;
    }
    if (piece.kind === 'word') {
      const prevPiece = pieces[i - 1];
      if (knowledge.headNouns.has(piece.word) && !(prevPiece?.kind === 'word' && !prevPiece.plain)) reading.vagueNouns.push(piece.word);
      if (!piece.plain && !isDeterminer(piece)) reading.foreign.push({ word: piece.word, otherProduct: false });
      return;
    }
    if (piece.tags.some((t) => t.kind === 'otherProduct')) reading.foreign.push({ word: piece.words, otherProduct: true });
    if (piece.tags.some((t) => t.kind === 'cue' && t.id === 'between')) between = true;
    for (const tag of piece.tags) if (tag.kind === 'format') reading.format ??= tag.id;
    const entity = entityOf(piece);
    if (!entity) return;
    reading.matches.push({ kind: entity.kind === 'modeGroup' ? 'mode' : entity.kind, id: entity.id, words: piece.words, how: piece.fuzzy ? 'fuzzy' : 'exact' });
    const prevCues = cuesOf(pieces[before(i)]);
    if (prevCues.includes('exclude') && entity.kind !== 'modeGroup') {
      reading.excluded.push({ kind: entity.kind, id: entity.id });
      return;
    }
    switch (entity.kind) {
      case 'component': {
        let role: Role | undefined = prevCues.includes('from') ? 'source' : prevCues.includes('to') ? 'destination' : undefined;
        let inBetween = between;
        if (!role && prevCues.includes('join') && previousComponentRole) ({ role, between: inBetween } = previousComponentRole);
        role ??= inBetween ? undefined : roleAfter(i);
        if (!reading.components.some((c) => c.id === entity.id)) reading.components.push({ id: entity.id, role, between: inBetween });
        previousComponentRole = { role, between: inBetween };
        break;
      }
      case 'mode': {
        // "compared to non-BOI", "than non-BOI": the mode compared against is where a change starts.
        const role = prevCues.includes('from') || prevCues.includes('diffBase') ? 'from' : prevCues.includes('to') ? 'to' : undefined;
        if (!reading.modes.some((m) => m.id === entity.id)) reading.modes.push({ id: entity.id, role });
        break;
      }
      case 'modeGroup':
        reading.modeGroups.push(entity.id);
        break;
      case 'service':
        reading.services.push(entity.id);
        break;
      case 'protocol':
        reading.protocols.push(entity.id);
        break;
      case 'transport':
        reading.transports.push(entity.id);
        break;
    }
  });

  if (reading.cues.has('inbound') && !reading.cues.has('outbound')) reading.direction = 'in';
  if (reading.cues.has('outbound') && !reading.cues.has('inbound')) reading.direction = 'out';
  const first = pieces.findIndex((p) => !cuesOf(p).includes('openers'));
  const opening = pieces[first];
  reading.asksWh = cuesOf(opening).includes('listStarts') || (opening?.kind === 'phrase' && cuesOf(opening).some((c) => c === 'explain'));
  reading.followsUp = cuesOf(pieces[0]).includes('followUp') || (cuesOf(pieces[0]).includes('openers') && cuesOf(pieces[1]).includes('followUp'));
  reading.asksYesNo =
    (cuesOf(opening).includes('checkStarts') && !cuesOf(pieces[first + 1]).includes('requestAfterCheck')) || reading.cues.has('yesNoPhrases');
  return reading;
}

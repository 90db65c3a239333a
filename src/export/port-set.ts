import { MAX_PORT, parsePortSpec, type PortRange } from '../knowledge/ports';

/** Every port: what "any" in a rule's ports allows. */
const ALL_PORTS: readonly PortRange[] = Object.freeze([{ from: 1, to: MAX_PORT }]);

/** The ranges of a contract rule's `ports` ("135-139,445"). */
export function rulePorts(ports: string): PortRange[] {
  return ports.split(',').map(parsePortSpec);
}

/** Sorted, with overlapping and touching ranges joined: the one form the set operations below compare. */
function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const merged: PortRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.from - b.from || a.to - b.to)) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** The ports of `ranges` that `minus` does not hold. */
export function subtractRanges(ranges: readonly PortRange[], minus: readonly PortRange[]): PortRange[] {
  let rest = mergeRanges(ranges);
  for (const cut of mergeRanges(minus))
    rest = rest.flatMap((r) => {
      if (cut.to < r.from || cut.from > r.to) return [r];
      return [
        ...(r.from < cut.from ? [{ from: r.from, to: cut.from - 1 }] : []),
        ...(cut.to < r.to ? [{ from: cut.to + 1, to: r.to }] : []),
      ];
    });
  return rest;
}

/**
 * Ports as an admin writes them in a rule set: "443", "135-139,445", "135-139; 445", or "any" / "*".
 * Returns why not when a piece is no port or range within 1-65535.
 */
export function parsePortList(text: string): PortRange[] | { error: string } {
  const trimmed = text.trim();
  if (/^(any|\*)$/i.test(trimmed)) return [...ALL_PORTS];
  const pieces = trimmed.split(/[\s,;]+/).filter(Boolean);
  if (pieces.length === 0) return { error: 'no ports' };
  const ranges: PortRange[] = [];
  for (const piece of pieces) {
    const spec = piece.replace(/\s/g, '');
    if (!/^\d{1,5}(-\d{1,5})?$/.test(spec)) return { error: `ports ${JSON.stringify(piece)} is not a port or a range` };
    const range = parsePortSpec(spec);
    if (range.from < 1 || range.to > MAX_PORT) return { error: `port ${spec} is outside 1-${MAX_PORT}` };
    if (range.from > range.to) return { error: `range ${spec} must ascend` };
    ranges.push(range);
  }
  return ranges;
}

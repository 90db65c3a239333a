/** A port or an inclusive range of ports. */
export interface PortRange {
  from: number;
  to: number;
}

export function parsePortSpec(spec: string): PortRange {
  const [from, to = from] = spec.split('-').map(Number);
  return { from, to };
}

/** The contract's form: ascending, comma-separated, ranges as a-b, no spaces. */
export function formatPorts(ranges: PortRange[]): string {
  return [...ranges]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`))
    .join(',');
}

export function rangesOverlap(a: PortRange, b: PortRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export const MAX_PORT = 65535;

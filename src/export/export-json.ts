import { withAddresses, type ExportSource } from './addressed-rules';

/** The contract's rule objects with `sourceAddresses` and `destinationAddresses` added. */
export function exportJson(source: ExportSource): string {
  return `${JSON.stringify(withAddresses(source), null, 2)}\n`;
}

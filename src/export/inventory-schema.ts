import { z } from 'zod';
import { parseHostAddress } from './host-address';

/** One address of a host inventory: checked here so that nothing else ever sees an unchecked one. */
const addressSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseHostAddress(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});

const addressListSchema = z
  .array(addressSchema)
  .min(1, 'must list at least one address')
  .superRefine((addresses, ctx) => {
    // A set, not indexOf from every address: 40,000 addresses are checked in one pass.
    const seen = new Set<string>();
    addresses.forEach((address, i) => {
      if (seen.has(address)) ctx.addIssue({ code: 'custom', path: [i], message: `"${address}" is listed twice` });
      seen.add(address);
    });
  });

/** In `connectsFrom`: from anywhere, over the internet (Windows Firewall's keyword Any). */
export const FROM_INTERNET = 'internet';

/**
 * Where a component's connections come from, as their destination sees them, when that is not the
 * component's own addresses: the internet, or a NAT or proxy address. Optionally only towards one
 * destination, and only in some modes (the clients reach the Edge Server over the internet in BOI).
 */
const connectsFromSchema = z.strictObject({
  source: z.string(),
  destination: z.string().optional(),
  modes: z.array(z.string()).min(1).optional(),
  from: z.array(z.union([z.literal(FROM_INTERNET), addressSchema])).min(1),
});
export type ConnectsFrom = z.infer<typeof connectsFromSchema>;

/** The key of the connectsFrom list in an inventory file; every other key is a component id. */
const CONNECTS_FROM = 'connectsFrom';

/**
 * A host inventory: each component id of the knowledge → its addresses (IPv4/IPv6 addresses, CIDR
 * networks, DNS names), and `connectsFrom` for connections that come from elsewhere. A `$comment`
 * key is allowed, as in the knowledge files. Parsed into { hosts, connectsFrom }.
 */
export function inventorySchema(components: readonly { id: string }[], modes?: readonly { id: string }[]) {
  const known = new Set(components.map((c) => c.id));
  const knownModes = modes && new Set(modes.map((m) => m.id));
  const unknownComponent = (id: string) => `unknown component "${id}"; the components are ${[...known].join(', ')}`;
  return z
    .preprocess(
      (value) => {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
        const { $comment: _comment, [CONNECTS_FROM]: connectsFrom, ...hosts } = value as Record<string, unknown>;
        return { hosts, connectsFrom: connectsFrom ?? [] };
      },
      z.object({ hosts: z.record(z.string(), addressListSchema), connectsFrom: z.array(connectsFromSchema) }),
    )
    .superRefine((inventory, ctx) => {
      for (const id of Object.keys(inventory.hosts)) if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['hosts', id], message: unknownComponent(id) });
      inventory.connectsFrom.forEach((entry, i) => {
        const at = (...path: (string | number)[]) => ['connectsFrom', i, ...path];
        for (const key of ['source', 'destination'] as const) {
          const id = entry[key];
          if (id !== undefined && !known.has(id)) ctx.addIssue({ code: 'custom', path: at(key), message: unknownComponent(id) });
        }
        entry.modes?.forEach((mode, j) => {
          if (knownModes && !knownModes.has(mode)) ctx.addIssue({ code: 'custom', path: at('modes', j), message: `unknown mode "${mode}"; the modes are ${[...knownModes].join(', ')}` });
        });
      });
    });
}

export type Inventory = z.infer<ReturnType<typeof inventorySchema>>;

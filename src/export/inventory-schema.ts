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

/**
 * A host inventory: each component id of the knowledge → its addresses (IPv4/IPv6 addresses, CIDR
 * networks, DNS names). A `$comment` key is allowed, as in the knowledge files.
 */
export function inventorySchema(components: readonly { id: string }[]) {
  const known = new Set(components.map((c) => c.id));
  return z.preprocess(
    (value) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const { $comment: _comment, ...hosts } = value as Record<string, unknown>;
      return hosts;
    },
    z.record(z.string(), addressListSchema).superRefine((inventory, ctx) => {
      for (const id of Object.keys(inventory))
        if (!known.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: `unknown component "${id}"; the components are ${[...known].join(', ')}` });
    }),
  );
}

export type Inventory = z.infer<ReturnType<typeof inventorySchema>>;

/** A page's conversation id, made by the page per browser tab; anything else means no conversation. */
export const conversationOf = (value: unknown) => (typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value) ? `web:${value}` : undefined);

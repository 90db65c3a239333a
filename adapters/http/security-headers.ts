import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The security headers of every response, API and errors included (helmet, configured rather than
 * hand-set). The page loads only its own files and talks only to this server, so injected markup
 * cannot run and no other site can frame it. No HSTS: whether the server is reached over TLS is
 * the reverse proxy's to say.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}

// Cross-origin access to the org's REST API, as Salesforce's CORS allowlist grants it: only origins
// on the list get the Access-Control headers, so a page served by the desk can call the org directly.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The allowlist: exact origins (scheme, host and port), as Setup > CORS takes them. */
export class CorsAllowlist {
  private readonly origins = new Set<string>();

  constructor(origins: Iterable<string> = []) {
    for (const origin of origins) this.allow(origin);
  }

  allow(origin: string): void {
    const parsed = new URL(origin);
    this.origins.add(parsed.origin);
  }

  has(origin: string): boolean {
    return this.origins.has(origin);
  }

  /**
   * Adds the Access-Control headers for an allowed origin; answers a preflight (OPTIONS) itself.
   * Returns true when the request was a preflight and has been answered.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const allowed = typeof origin === 'string' && this.has(origin);
    const preflight =
      req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string';
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Sforce-Limit-Info');
    }
    if (!preflight) return false;
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, Accept, X-PrettyPrint, Sforce-Call-Options',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
    } else {
      // Salesforce refuses a preflight from an origin not on the list without the CORS headers.
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('CORS: origin not allowed');
    }
    return true;
  }
}

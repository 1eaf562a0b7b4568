// Bearer-token authentication: each token stands for one caller acting as one persona, and every
// route lists the personas it serves, so an AE token can never replay a dead letter (OWASP API5).
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, PROBLEM_TYPES } from './problem.js';

import { PERSONAS, type Persona } from '../api-contract/route-contract.js';

export { PERSONAS, type Persona };

export interface Principal {
  /** Who is calling (a Salesforce user, the Salesforce org's Named Credential, a relay): for the audit log. */
  subject: string;
  persona: Persona;
  /**
   * The Salesforce User the caller acts for: they read and change only what that user may read and
   * edit in Salesforce. Null only for the admin persona (the operator) and the webhook relay.
   */
  userId: string | null;
}

export interface TokenRegistry {
  resolve(token: string): Principal | undefined;
}

export interface TokenGrant extends Omit<Principal, 'userId'> {
  token: string;
  userId?: string | null;
}

/** An 18-character User Id (key prefix 005); a 15-character Id is case-sensitive and easy to mistype. */
export const USER_ID = /^005[A-Za-z0-9]{15}$/;

/** Personas that act on records as a person and so must name the Salesforce user they act for. */
export const PERSONAS_ACTING_AS_A_USER: readonly Persona[] = ['ae', 'alliance-ops', 'revops'];

/** Shorter tokens could be guessed (the same floor as COSELL_API_TOKENS in config.ts); `openssl rand -hex 32` gives 64. */
export const MIN_TOKEN_LENGTH = 24;

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A registry over fixed grants. Only SHA-256 digests are kept, and lookup is by digest, so neither
 * a heap dump nor response timing reveals a token.
 */
export function staticTokenRegistry(grants: readonly TokenGrant[]): TokenRegistry {
  const byDigest = new Map<string, Principal>();
  for (const grant of grants) {
    if (grant.token.length < MIN_TOKEN_LENGTH) {
      throw new Error(
        `token for ${grant.subject} is too short: use at least ${MIN_TOKEN_LENGTH} random characters`,
      );
    }
    if (!(PERSONAS as readonly string[]).includes(grant.persona)) {
      throw new Error(
        `token for ${grant.subject} has unknown persona "${grant.persona}"; use one of ${PERSONAS.join(', ')}`,
      );
    }
    const userId = grant.userId ?? null;
    if (userId !== null && !USER_ID.test(userId))
      throw new Error(
        `token for ${grant.subject} has userId "${userId}": use the 18-character Id of a Salesforce User (005...)`,
      );
    if (userId === null && PERSONAS_ACTING_AS_A_USER.includes(grant.persona)) {
      throw new Error(
        `token for ${grant.subject} (persona ${grant.persona}) needs the userId of the Salesforce User it acts for`,
      );
    }
    const key = digest(grant.token);
    if (byDigest.has(key))
      throw new Error(
        `token for ${grant.subject} is also given to ${byDigest.get(key)!.subject}: each caller needs its own token`,
      );
    byDigest.set(key, { subject: grant.subject, persona: grant.persona, userId });
  }
  return { resolve: (token) => byDigest.get(digest(token)) };
}

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** The caller a request's Authorization header names, if it is a valid bearer token. */
export function bearerPrincipal(
  tokens: TokenRegistry,
  header: string | undefined,
): Principal | undefined {
  const match = header ? BEARER.exec(header) : null;
  return match ? tokens.resolve(match[1]!) : undefined;
}

/** Rejects a request without a valid bearer token (401) or whose persona the route does not serve (403). */
export function requireScopes(tokens: TokenRegistry, allowed: readonly Persona[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    if (!header) {
      next(
        new HttpProblem(
          401,
          PROBLEM_TYPES.unauthorized,
          'missing bearer token: send Authorization: Bearer <token>',
          {
            headers: { 'WWW-Authenticate': 'Bearer realm="cosell"' },
          },
        ),
      );
      return;
    }
    const match = BEARER.exec(header);
    const principal = match ? tokens.resolve(match[1]!) : undefined;
    if (!principal) {
      next(
        new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'invalid bearer token', {
          headers: { 'WWW-Authenticate': 'Bearer realm="cosell", error="invalid_token"' },
        }),
      );
      return;
    }
    if (!allowed.includes(principal.persona)) {
      next(
        new HttpProblem(
          403,
          PROBLEM_TYPES.forbidden,
          `persona "${principal.persona}" may not call this route; allowed: ${allowed.join(', ')}`,
          {
            headers: { 'WWW-Authenticate': 'Bearer realm="cosell", error="insufficient_scope"' },
          },
        ),
      );
      return;
    }
    req.principal = principal;
    next();
  };
}

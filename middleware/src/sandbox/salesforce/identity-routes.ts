// The local org's login and identity routes: the OAuth JWT bearer token endpoint, the versions
// list and resource directory, OpenID Connect userinfo and the identity URL.
import { checkJwtBearer } from './oauth.js';
import type { ServerResponse } from 'node:http';
import type { SRecord } from './org.js';
import type { OrgUser } from './permissions.js';
import type { RouteHost as Host } from './route-host.js';
import { LOCAL_ORG_ID } from './server-options.js';

/** The versions `/services/data` lists: Salesforce clients pick the highest and pin some calls to v51.0. */
const LISTED_VERSIONS_FROM = 51;

export function token(host: Host, res: ServerResponse, raw: string): void {
  const decision = checkJwtBearer(new URLSearchParams(raw), {
    publicKeyPem: host.options.publicKeyPem,
    clientId: host.options.clientId,
    usernames: host.options.usernames,
    audience: host.url,
    audiences: [host.url, `${host.url}/`],
    now: host.clock,
  });
  if (!decision.ok) {
    host.send(res, 400, { error: decision.error, error_description: decision.description });
    return;
  }
  const user = host.userByName(decision.username);
  if (!user) {
    host.send(res, 400, {
      error: 'invalid_grant',
      error_description: "user hasn't approved this consumer",
    });
    return;
  }
  const accessToken = host.issueToken(user.Id);
  host.send(res, 200, {
    access_token: accessToken,
    scope: 'api',
    instance_url: host.url,
    id: `${host.url}/id/${LOCAL_ORG_ID}/${user.Id}`,
    token_type: 'Bearer',
    issued_at: String(host.clock().getTime()),
  });
}

export function versions(host: Host): Array<{ label: string; url: string; version: string }> {
  const highest = Math.floor(Number(host.apiVersion));
  const out = [];
  for (let major = LISTED_VERSIONS_FROM; major <= highest; major++)
    out.push({ label: `v${major}.0`, url: `/services/data/v${major}.0`, version: `${major}.0` });
  return out;
}

export function resources(host: Host, version: string, caller: OrgUser): Record<string, string> {
  const base = `/services/data/v${version}`;
  return {
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    limits: `${base}/limits`,
    composite: `${base}/composite`,
    'jobs/ingest': `${base}/jobs/ingest`,
    'jobs/query': `${base}/jobs/query`,
    'ui-api': `${base}/ui-api`,
    graphql: `${base}/graphql`,
    identity: `${host.url}/id/${LOCAL_ORG_ID}/${caller.Id}`,
  };
}

function userRecord(host: Host, caller: OrgUser): SRecord {
  return host.org.get('User', caller.Id)!;
}

/** The OpenID Connect userinfo answer (the fields clients read after login). */
export function userinfo(host: Host, caller: OrgUser): Record<string, unknown> {
  const user = userRecord(host, caller);
  return {
    sub: `${host.url}/id/${LOCAL_ORG_ID}/${caller.Id}`,
    user_id: caller.Id,
    organization_id: LOCAL_ORG_ID,
    preferred_username: caller.Username,
    nickname: user.Alias ?? null,
    name: user.Name ?? null,
    given_name: user.FirstName ?? null,
    family_name: user.LastName ?? null,
    email: user.Email ?? null,
    email_verified: true,
    zoneinfo: user.TimeZoneSidKey ?? 'GMT',
    locale: 'en_US',
    language: 'en_US',
    active: true,
    user_type: 'STANDARD',
    is_app_installed: true,
    updated_at: String(user.LastModifiedDate ?? ''),
    urls: identityUrls(host, caller),
  };
}

function identityUrls(host: Host, caller: OrgUser): Record<string, string> {
  const base = `${host.url}/services/data/v{version}`;
  return {
    enterprise: `${host.url}/services/Soap/c/{version}/${LOCAL_ORG_ID}`,
    partner: `${host.url}/services/Soap/u/{version}/${LOCAL_ORG_ID}`,
    rest: `${base}/`,
    sobjects: `${base}/sobjects/`,
    query: `${base}/query/`,
    recent: `${base}/recent/`,
    profile: `${host.url}/${caller.Id}`,
    custom_domain: host.url,
  };
}

/** The identity URL's answer (`/id/<org>/<user>`). */
export function identity(host: Host, caller: OrgUser): Record<string, unknown> {
  const user = userRecord(host, caller);
  return {
    id: `${host.url}/id/${LOCAL_ORG_ID}/${caller.Id}`,
    asserted_user: true,
    user_id: caller.Id,
    organization_id: LOCAL_ORG_ID,
    username: caller.Username,
    nick_name: user.Alias ?? null,
    display_name: user.Name ?? null,
    email: user.Email ?? null,
    email_verified: true,
    first_name: user.FirstName ?? null,
    last_name: user.LastName ?? null,
    timezone: user.TimeZoneSidKey ?? 'GMT',
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: String(user.LastModifiedDate ?? ''),
    is_app_installed: true,
    urls: identityUrls(host, caller),
  };
}

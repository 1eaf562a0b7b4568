// The Lightning preview's pages: the force-app components built by preview/ (real LWC compiler,
// lightning-base-components, SLDS) served as record and app pages that talk to the local org.
// Static only, and kept apart from the API routes: no auth, no store, nothing but files, the local
// org's address and the session of the persona the page acts as (admin, AE, alliance ops, RevOps).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import { HttpProblem, PROBLEM_TYPES } from './problem.js';

/** What the preview's data modules need to reach the local org (as written to <data dir>/local-org.json). */
export interface LocalOrgSettings {
  instanceUrl: string;
  accessToken: string;
  username?: string;
  userId?: string;
  apiVersion?: string;
  /** Sessions of the demo personas (AE, alliance ops, RevOps), by persona key. */
  personas?: Record<string, PersonaSettings>;
}

/** One persona's user and session in the local org. */
export interface PersonaSettings {
  username: string;
  userId: string;
  name: string;
  accessToken: string;
}

/** The user the pages act as when none is chosen: the org's admin, who sees everything. */
export const ADMIN_PERSONA = 'admin';
/** Remembers the persona chosen with `?as=` for the following pages. */
const PERSONA_COOKIE = 'cosell_preview_as';
const PERSONA_KEY = /^[a-z][a-z-]{0,30}$/;

export interface PreviewOptions {
  /** preview/dist, where `npm run build` in preview/ writes the bundle. */
  distDir: string;
  /** The local org to talk to, read per page so a restarted org is picked up (null: none running). */
  localOrg: () => LocalOrgSettings | null;
}

type PageName = 'index' | 'opportunity' | 'inbox' | 'attribution';

/** How the page header names each demo persona. */
const PERSONA_LABELS: Record<string, string> = {
  ae: 'AE',
  'alliance-ops': 'Alliance ops',
  revops: 'RevOps',
};

const TITLES: Record<PageName, string> = {
  index: 'Co-Sell | Opportunities',
  opportunity: 'Co-Sell | Opportunity',
  inbox: 'Co-Sell Inbox',
  attribution: 'Co-Sell Attribution',
};

// 15- or 18-character Salesforce Ids.
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** preview/dist of this checkout: the nearest ancestor of this module holding preview/package.json. */
export function defaultPreviewDist(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'preview', 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'preview', 'dist');
    dir = parent;
  }
  return join(dir, 'preview', 'dist');
}

/** The settings file a desk running against the local org writes; null when absent or unreadable. */
export function readLocalOrgFile(file: string): LocalOrgSettings | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalOrgSettings>;
    if (typeof parsed.instanceUrl !== 'string' || typeof parsed.accessToken !== 'string')
      return null;
    return parsed as LocalOrgSettings;
  } catch {
    return null;
  }
}

// JSON inside a <script> element: '<' escaped so no value can close the element.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * The persona a request acts as: `?as=<persona>` (remembered in a cookie), else the cookie, else the
 * admin. An unknown persona in the query is refused naming the ones there are; a stale cookie (the
 * org restarted without that persona) falls back to the admin.
 */
export function choosePersona(
  org: LocalOrgSettings | null,
  query: unknown,
  cookie: string | undefined,
): { persona: string; fromQuery: boolean } {
  const known = Object.keys(org?.personas ?? {});
  if (query !== undefined) {
    const asked = String(query);
    if (asked === ADMIN_PERSONA || known.includes(asked))
      return { persona: asked, fromQuery: true };
    throw new HttpProblem(
      400,
      PROBLEM_TYPES.badRequest,
      `unknown persona "${asked.slice(0, 40)}": use ${[ADMIN_PERSONA, ...known].map((key) => `?as=${key}`).join(', ')}`,
    );
  }
  if (cookie && PERSONA_KEY.test(cookie) && known.includes(cookie))
    return { persona: cookie, fromQuery: false };
  return { persona: ADMIN_PERSONA, fromQuery: false };
}

function pageHtml(
  page: PageName,
  org: LocalOrgSettings | null,
  persona: string,
  recordId?: string,
): string {
  const session = org?.personas?.[persona];
  const personas = [
    { key: ADMIN_PERSONA, name: 'Org Admin', label: 'Admin' },
    ...Object.entries(org?.personas ?? {}).map(([key, value]) => ({
      key,
      name: value.name,
      label: PERSONA_LABELS[key] ?? key,
    })),
  ];
  const settings = org
    ? {
        instanceUrl: org.instanceUrl,
        accessToken: session ? session.accessToken : org.accessToken,
        userId: session ? session.userId : org.userId,
        apiVersion: org.apiVersion,
        persona,
        personas,
      }
    : {};
  const recordAttribute = recordId ? ` data-record-id="${escapeAttribute(recordId)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[page]}</title>
<link rel="stylesheet" href="/lightning/assets/slds/styles/salesforce-lightning-design-system.min.css">
<script>window.cosellPreview = ${scriptJson(settings)};</script>
<script type="module" src="/lightning/assets/js/main.js"></script>
</head>
<body class="slds-scope" data-page="${page}"${recordAttribute}>
<div id="root"></div>
${org ? '' : '<p role="alert">No local org is running, so the components have no data. Start the desk with <code>npm start</code>.</p>'}
</body>
</html>
`;
}

export function previewRouter(options: PreviewOptions): Router {
  const router = express.Router();
  const built = () => existsSync(join(options.distDir, 'js', 'main.js'));
  const send = (page: PageName) => (req: Request, res: Response) => {
    if (!built()) {
      throw new HttpProblem(
        503,
        PROBLEM_TYPES.internal,
        `the Lightning preview is not built (${options.distDir}); run npm ci or npm run build:preview`,
      );
    }
    const recordId = page === 'opportunity' ? String(req.params.recordId) : undefined;
    if (recordId !== undefined && !RECORD_ID.test(recordId)) {
      throw new HttpProblem(
        404,
        PROBLEM_TYPES.notFound,
        `${recordId} is not a Salesforce record Id`,
      );
    }
    const org = options.localOrg();
    const { persona, fromQuery } = choosePersona(
      org,
      req.query.as,
      cookieValue(req.headers.cookie, PERSONA_COOKIE),
    );
    if (fromQuery)
      res.cookie(PERSONA_COOKIE, persona, { path: '/lightning', sameSite: 'lax', httpOnly: true });
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(pageHtml(page, org, persona, recordId));
  };
  router.get('/', (_req, res) => res.redirect(302, '/lightning'));
  // Browsers ask for an icon; an empty answer keeps a 404 out of every page's console.
  router.get('/favicon.ico', (_req, res) => res.status(204).end());
  router.get('/lightning', send('index'));
  router.get('/lightning/opportunity/:recordId', send('opportunity'));
  router.get('/lightning/inbox', send('inbox'));
  router.get('/lightning/attribution', send('attribution'));
  router.use('/lightning/assets', express.static(options.distDir, { index: false }));
  return router;
}

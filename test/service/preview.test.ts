// The preview's static pages: where the printed URL leads, what each page hands the bundle, and the
// clear errors for a bad record Id or a preview that was never built.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import {
  previewRouter,
  readLocalOrgFile,
  type LocalOrgSettings,
  type PreviewOptions,
} from '../../middleware/src/service/preview.js';

async function serve(
  options: PreviewOptions,
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express().use(previewRouter(options));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the settings are JSON the page reads
function settingsOf(html: string): any {
  return JSON.parse(/window\.cosellPreview = (.*);<\/script>/.exec(html)?.[1] ?? 'null');
}

describe('Lightning preview pages', () => {
  let dir: string;
  let site: { url: string; close: () => Promise<void> };
  let org: LocalOrgSettings | null = {
    instanceUrl: 'http://127.0.0.1:3001',
    accessToken: '00D!tok</script><script>alert(1)</script>',
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cosell-preview-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'js', 'main.js'), 'export {};\n');
    site = await serve({ distDir: dir, localOrg: () => org });
  });

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the root of the printed URL to the index page', async () => {
    const response = await fetch(`${site.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/lightning');
    const index = await fetch(`${site.url}/lightning`);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('data-page="index"');
  });

  it('hands a record page its record Id and the local org, with nothing able to close the script element', async () => {
    const html = await (await fetch(`${site.url}/lightning/opportunity/006000000000001AAA`)).text();
    expect(html).toContain('data-page="opportunity" data-record-id="006000000000001AAA"');
    expect(html).not.toContain('</script><script>alert(1)');
    expect(settingsOf(html)).toMatchObject({
      instanceUrl: 'http://127.0.0.1:3001',
      accessToken: '00D!tok</script><script>alert(1)</script>',
      persona: 'admin',
    });
  });

  it('acts as the persona ?as= names, remembers it for the next pages, and goes back with ?as=admin', async () => {
    org = {
      ...org!,
      userId: '005ADMIN',
      personas: {
        ae: {
          username: 'ae@cosell.local',
          userId: '005AE',
          name: 'Priya Raman',
          accessToken: 'ae-token',
        },
        revops: {
          username: 'revops@cosell.local',
          userId: '005REV',
          name: 'Ines Moreau',
          accessToken: 'revops-token',
        },
      },
    };
    const chosen = await fetch(`${site.url}/lightning/inbox?as=ae`);
    expect(settingsOf(await chosen.text())).toMatchObject({
      accessToken: 'ae-token',
      userId: '005AE',
      persona: 'ae',
    });
    const cookie = (chosen.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toBe('cosell_preview_as=ae');
    const next = settingsOf(
      await (await fetch(`${site.url}/lightning/attribution`, { headers: { cookie } })).text(),
    );
    expect(next).toMatchObject({ accessToken: 'ae-token', persona: 'ae' });
    expect(next.personas.map((p: { key: string }) => p.key)).toEqual(['admin', 'ae', 'revops']);
    expect(
      settingsOf(
        await (await fetch(`${site.url}/lightning?as=admin`, { headers: { cookie } })).text(),
      ),
    ).toMatchObject({ accessToken: org.accessToken, userId: '005ADMIN', persona: 'admin' });
    // A cookie naming a persona the org no longer has falls back to the admin.
    expect(
      settingsOf(
        await (
          await fetch(`${site.url}/lightning`, {
            headers: { cookie: 'cosell_preview_as=alliance-ops' },
          })
        ).text(),
      ),
    ).toMatchObject({ persona: 'admin' });
  });

  it('refuses an unknown persona, naming the ones there are', async () => {
    org = {
      ...org!,
      personas: {
        ae: {
          username: 'ae@cosell.local',
          userId: '005AE',
          name: 'Priya Raman',
          accessToken: 'ae-token',
        },
      },
    };
    const response = await fetch(`${site.url}/lightning/inbox?as=ceo`);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toMatch(/unknown persona (&quot;|\\?")ceo(&quot;|\\?"): use \?as=admin, \?as=ae/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('serves the inbox and attribution app pages and the built bundle', async () => {
    expect(await (await fetch(`${site.url}/lightning/inbox`)).text()).toContain(
      'data-page="inbox"',
    );
    expect(await (await fetch(`${site.url}/lightning/attribution`)).text()).toContain(
      'data-page="attribution"',
    );
    const bundle = await fetch(`${site.url}/lightning/assets/js/main.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses a record page for something that is not a Salesforce Id', async () => {
    const response = await fetch(`${site.url}/lightning/opportunity/not-an-id`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('not-an-id is not a Salesforce record Id');
  });

  it('says when no local org is running instead of failing silently', async () => {
    org = null;
    try {
      const html = await (await fetch(`${site.url}/lightning/inbox`)).text();
      expect(html).toContain('window.cosellPreview = {};');
      expect(html).toContain('No local org is running');
    } finally {
      org = { instanceUrl: 'http://127.0.0.1:3001', accessToken: 'tok' };
    }
  });

  it('answers 503 with the command to run when the preview was never built', async () => {
    const unbuilt = await serve({ distDir: join(dir, 'missing'), localOrg: () => null });
    try {
      const response = await fetch(`${unbuilt.url}/lightning`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:preview');
    } finally {
      await unbuilt.close();
    }
  });

  it('reads local-org.json, and treats a missing or incomplete file as no org', () => {
    const file = join(dir, 'local-org.json');
    expect(readLocalOrgFile(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ instanceUrl: 'http://127.0.0.1:3001' }));
    expect(readLocalOrgFile(file)).toBeNull();
    writeFileSync(
      file,
      JSON.stringify({
        instanceUrl: 'http://127.0.0.1:3001',
        accessToken: 'tok',
        username: 'admin@cosell.local',
      }),
    );
    expect(readLocalOrgFile(file)).toEqual({
      instanceUrl: 'http://127.0.0.1:3001',
      accessToken: 'tok',
      username: 'admin@cosell.local',
    });
  });
});

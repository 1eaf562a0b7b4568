// Drives the Lightning preview in Debian's chromium (playwright-core, no browser download): opens a
// page at a given width, records console errors, runs axe and saves screenshots under test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import express from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  defaultPreviewDist,
  previewRouter,
  type LocalOrgSettings,
} from '../../middleware/src/service/preview.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'preview');

export interface PreviewSite {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves the built preview (as the desk does) for the given org and starts chromium. */
export async function openPreviewSite(
  localOrg: () => LocalOrgSettings | null,
): Promise<PreviewSite> {
  const distDir = defaultPreviewDist();
  if (!existsSync(join(distDir, 'js', 'main.js')))
    throw new Error(`the preview is not built in ${distDir}: run npm run build:preview`);
  if (!existsSync(CHROMIUM))
    throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  const app = express().use(previewRouter({ distDir, localOrg }));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions the page raised. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context at this width, pinned to UTC and en-US (the base components format in the browser's zone). */
export async function openAt(
  site: PreviewSite,
  width: number,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<OpenedPage> {
  const context = await site.browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (prepare) await prepare(page);
  return { page, errors, close: () => context.close() };
}

/** Serious and critical axe violations, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** What runs past the viewport's right edge or its card's (content cut off); locators pierce shadow roots. */
export async function overflowing(page: Page): Promise<string[]> {
  const found: string[] = [];
  const { clientWidth, scrollWidth } = (await page.evaluate(
    '({ clientWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth })',
  )) as { clientWidth: number; scrollWidth: number };
  if (scrollWidth > clientWidth + 1)
    found.push(`page scrolls sideways: ${scrollWidth} > ${clientWidth} px`);
  for (const card of await page.locator('lightning-card article').all()) {
    const cardBox = await card.boundingBox();
    if (!cardBox) continue;
    for (const table of await card.locator('table').all()) {
      // A table in a horizontal scroller (lightning-datatable on a narrow screen) is reached by
      // scrolling: then the scroller is what must fit in the card.
      const scroller = table.locator(
        'xpath=ancestor::*[contains(concat(" ", @class, " "), " slds-scrollable_x ")][1]',
      );
      const box = await ((await scroller.count()) > 0 ? scroller : table).boundingBox();
      if (box && box.x + box.width > cardBox.x + cardBox.width + 1) {
        found.push(
          `${await table.getAttribute('class')} ends at ${Math.round(box.x + box.width)} px, its card at ${Math.round(cardBox.x + cardBox.width)} px`,
        );
      }
    }
  }
  return found;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

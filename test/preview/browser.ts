// Drives the Lightning preview in Debian's chromium (playwright-core, no browser download): opens a
// page at a given width, records console errors, runs axe and saves screenshots under test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import express from 'express';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
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

/** The slice of an element the shadow-host walk reads (tests compile without the DOM library). */
interface HostedLike {
  localName: string;
  getRootNode(): { host?: HostedLike };
}

/** Serious and critical axe violations, as "rule: target" lines: the whole page, or the element `within`. */
export async function seriousViolations(page: Page, within?: Locator): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (within) {
    // axe reaches into shadow roots only along the chain of hosts, outermost first.
    const fromShadowDom = await within.evaluate((element) => {
      const chain: string[] = [];
      let node: HostedLike | undefined = element as unknown as HostedLike;
      while (node) {
        chain.unshift(node.localName);
        node = node.getRootNode().host;
      }
      return chain;
    });
    const [outermost, ...inner] = fromShadowDom;
    builder.include(
      inner.length > 0 ? { fromShadowDom: [outermost!, ...(inner as [string])] } : outermost!,
    );
  }
  const result = await builder.analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** The slice of an element the box walk reads (tests compile without the DOM library). */
interface ElementLike {
  classList: { contains(name: string): boolean };
  parentElement: ElementLike | null;
  getRootNode(): { host?: ElementLike };
  getBoundingClientRect(): { left: number; right: number };
}

interface Edges {
  left: number;
  right: number;
}

/**
 * A table's own box (or its horizontal scroller's, when it sits in one: lightning-datatable on a
 * narrow screen, a chart's table) and the box it must stay inside: its grid column when it sits in
 * one (a chart beside another chart), else nothing (the card is checked by the caller). The walk
 * crosses shadow roots, which XPath does not.
 */
async function tableAndBounds(table: Locator): Promise<{ box: Edges; column: Edges | null }> {
  return table.evaluate((element) => {
    const edges = (node: ElementLike): Edges => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    };
    const start = element as unknown as ElementLike;
    let box = edges(start);
    let scrolled = false;
    let node: ElementLike | null = start;
    while (node) {
      if (!scrolled && node.classList.contains('slds-scrollable_x')) {
        box = edges(node);
        scrolled = true;
      }
      if (node.classList.contains('slds-col')) {
        return { box, column: edges(node) };
      }
      node = node.parentElement ?? node.getRootNode().host ?? null;
    }
    return { box, column: null };
  });
}

/**
 * What runs past the viewport's right edge, its card's, or its grid column's (content cut off, or a
 * chart's table running into the chart beside it); locators pierce shadow roots.
 */
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
      if (!(await table.isVisible())) continue;
      const { box, column } = await tableAndBounds(table);
      const cardEdges = { left: cardBox.x, right: cardBox.x + cardBox.width };
      for (const [where, bounds] of [
        ['its card', cardEdges],
        ['its column', column],
      ] as const) {
        if (bounds && (box.right > bounds.right + 1 || box.left < bounds.left - 1))
          found.push(
            `${await table.getAttribute('class')} spans ${Math.round(box.left)}–${Math.round(box.right)} px, ${where} ${Math.round(bounds.left)}–${Math.round(bounds.right)} px`,
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

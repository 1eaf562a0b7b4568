// The package's static resources (force-app/main/default/staticresources), served as an org serves
// them at /resource/<name> and /resource/<timestamp>/<name>, so the preview loads Chart.js the way a
// Lightning page does: from the org, through @salesforce/resourceUrl and platformResourceLoader.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface StaticResource {
  name: string;
  contentType: string;
  /** Public resources are served to anyone (they are package code, not org data); Private need a session. */
  cacheControl: 'Public' | 'Private';
  body: Buffer;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** Every single-file static resource in force-app, by name; a resource whose meta lacks a content type is refused. */
export function loadStaticResources(forceAppDir: string): Map<string, StaticResource> {
  const dir = join(forceAppDir, 'main', 'default', 'staticresources');
  const resources = new Map<string, StaticResource>();
  if (!existsSync(dir)) return resources;
  for (const metaFile of readdirSync(dir).filter((file) => file.endsWith('.resource-meta.xml'))) {
    const name = metaFile.slice(0, -'.resource-meta.xml'.length);
    const meta = (
      parser.parse(readFileSync(join(dir, metaFile), 'utf8')) as {
        StaticResource?: { contentType?: string; cacheControl?: string };
      }
    ).StaticResource;
    if (!meta?.contentType)
      throw new Error(`static resource ${name}: ${metaFile} has no contentType`);
    const bodyFile = readdirSync(dir).find(
      (file) => file !== metaFile && (file === name || file.startsWith(`${name}.`)),
    );
    if (!bodyFile) throw new Error(`static resource ${name}: no file beside ${metaFile}`);
    resources.set(name, {
      name,
      contentType: meta.contentType,
      cacheControl: meta.cacheControl === 'Public' ? 'Public' : 'Private',
      body: readFileSync(join(dir, bodyFile)),
    });
  }
  return resources;
}

/** The resource a path names (`/resource/chartjs`, `/resource/1733481600000/chartjs`), or null for any other path. */
export function staticResourceName(pathname: string): string | null {
  const match = /^\/resource\/(?:\d+\/)?([A-Za-z][A-Za-z0-9_]*)\/?$/.exec(pathname);
  return match ? match[1]! : null;
}

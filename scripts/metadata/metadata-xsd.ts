// Derives a validating XSD from the Metadata API WSDL (whose inline schema declares types but no root
// elements) and runs xmllint against it, so force-app is checked against Salesforce's own schema offline.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/** Repository root (this file lives in scripts/metadata/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The v63 Metadata API WSDL the project pins (kept in the shared contracts, never copied into the repo). */
export const DEFAULT_WSDL_PATH = path.resolve(
  REPO_ROOT,
  '..',
  'shared',
  'contracts',
  'salesforce',
  'metadata.wsdl',
);
/** Derived schemas are cached here (ignored by git through `/tmp/`). */
export const DEFAULT_CACHE_DIR = path.join(REPO_ROOT, 'tmp', 'metadata-xsd');

/**
 * Metadata types a source-format file can have as its root element. Each becomes a global element of the
 * same name typed by the WSDL complexType, which is what the source files' root tags are.
 */
export const METADATA_ROOT_TYPES = [
  'CustomObject',
  'CustomField',
  'ValidationRule',
  'ListView',
  'CompactLayout',
  'RecordType',
  'WebLink',
  'FieldSet',
  'PermissionSet',
  'CustomPermission',
  'CustomMetadata',
  'Layout',
  'ReportType',
  'CustomTab',
  'CustomApplication',
  'Report',
  'ReportFolder',
  'Dashboard',
  'DashboardFolder',
  'FlexiPage',
  'Flow',
  'Queue',
  'Group',
  'CustomLabels',
  'StaticResource',
  'LightningComponentBundle',
] as const;

export class MetadataSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetadataSchemaError';
  }
}

/** The WSDL's inline schema plus one global element per root type; throws naming any type the WSDL lacks. */
export function deriveMetadataXsd(
  wsdl: string,
  rootTypes: readonly string[] = METADATA_ROOT_TYPES,
): string {
  const open = wsdl.search(/<xsd:schema[\s>]/);
  const closeTag = '</xsd:schema>';
  const close = wsdl.indexOf(closeTag, open);
  if (open < 0 || close < 0) {
    throw new MetadataSchemaError(
      'the WSDL has no <xsd:schema> section: is this the Metadata API WSDL?',
    );
  }
  const schema = wsdl.slice(open, close);
  const missing = rootTypes.filter((type) => !schema.includes(`<xsd:complexType name="${type}">`));
  if (missing.length > 0) {
    throw new MetadataSchemaError(
      `the WSDL schema has no complexType for root type(s): ${missing.join(', ')}`,
    );
  }
  // The schema tag inherits its prefixes from <definitions>; standing alone it must declare them itself.
  const headerEnd = schema.indexOf('>');
  const header = schema.slice(0, headerEnd).replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
  const body = schema.slice(headerEnd + 1);
  const roots = rootTypes
    .map((type) => `  <xsd:element name="${type}" type="tns:${type}"/>\n`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `${header} xmlns:xsd="${XSD_NS}" xmlns:tns="${METADATA_NS}">${body}${roots}</xsd:schema>\n`
  );
}

/**
 * Path of the derived XSD for this WSDL, writing it on first use. The file name carries the WSDL's hash so a
 * new WSDL never meets a stale schema; the write goes through a rename so parallel jest workers never read a
 * half-written file.
 */
export function ensureMetadataXsd(
  wsdlPath: string = DEFAULT_WSDL_PATH,
  cacheDir: string = DEFAULT_CACHE_DIR,
): string {
  if (!existsSync(wsdlPath)) {
    throw new MetadataSchemaError(`Metadata API WSDL not found at ${wsdlPath}`);
  }
  const wsdl = readFileSync(wsdlPath, 'utf8');
  const roots = METADATA_ROOT_TYPES.join(',');
  const digest = createHash('sha256').update(wsdl).update(roots).digest('hex').slice(0, 16);
  const xsdPath = path.join(cacheDir, `metadata-roots-${digest}.xsd`);
  if (!existsSync(xsdPath)) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${xsdPath}.${process.pid}.partial`;
    writeFileSync(partial, deriveMetadataXsd(wsdl));
    renameSync(partial, xsdPath);
  }
  return xsdPath;
}

/** One file's verdict from xmllint. */
export interface XmlVerdict {
  file: string;
  ok: boolean;
  errors: string[];
}

/**
 * Runs one xmllint over many files (the schema is compiled once) and splits its report per file.
 * Without `xsdPath` it only checks well-formedness.
 */
export function runXmllint(files: readonly string[], xsdPath?: string): XmlVerdict[] {
  if (files.length === 0) return [];
  const args = ['--noout', ...(xsdPath ? ['--schema', xsdPath] : []), ...files];
  const run = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    throw new MetadataSchemaError(
      `could not run xmllint (install libxml2-utils): ${run.error.message}`,
    );
  }
  const lines = `${run.stdout}\n${run.stderr}`.split('\n');
  return files.map((file) => {
    const errors = lines.filter((line) => line.startsWith(`${file}:`));
    const failed = lines.includes(`${file} fails to validate`) || errors.length > 0;
    return { file, ok: !failed, errors };
  });
}

// `node scripts/metadata/metadata-xsd.ts [OUT.xsd]` writes the derived schema for manual xmllint runs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2];
  if (out) {
    writeFileSync(out, deriveMetadataXsd(readFileSync(DEFAULT_WSDL_PATH, 'utf8')));
    console.log(`wrote ${out}`);
  } else {
    console.log(ensureMetadataXsd());
  }
}

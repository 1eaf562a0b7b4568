// Validates force-app against the Metadata API v63 schema (derived from the WSDL by scripts/metadata) with
// xmllint: wrong element names, bad enum values and out-of-order elements fail here instead of on deploy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_WSDL_PATH,
  MetadataSchemaError,
  deriveMetadataXsd,
  ensureMetadataXsd,
  runXmllint,
} from '../../scripts/metadata/metadata-xsd.js';
import { DEFAULT_DIR, filesEndingWith } from './support/force-app.js';

/** File kinds validated against the schema, by source-format suffix. */
const VALIDATED = [
  '.object-meta.xml',
  '.field-meta.xml',
  '.validationRule-meta.xml',
  '.listView-meta.xml',
  '.permissionset-meta.xml',
  '.customPermission-meta.xml',
  '.md-meta.xml',
  '.layout-meta.xml',
  '.reportType-meta.xml',
  '.tab-meta.xml',
  '.app-meta.xml',
  '.report-meta.xml',
  '.reportFolder-meta.xml',
  '.dashboard-meta.xml',
  '.dashboardFolder-meta.xml',
  '.flexipage-meta.xml',
  '.flow-meta.xml',
  '.queue-meta.xml',
  '.group-meta.xml',
  '.labels-meta.xml',
  '.resource-meta.xml',
] as const;

/** Kinds the task requires to be covered: each must have at least one file in force-app. */
const REQUIRED_KINDS = VALIDATED.filter((kind) => kind !== '.labels-meta.xml');

/**
 * Kinds checked for well-formedness only (well-formed.test.ts), each with the reason:
 * - `.js-meta.xml` (LightningComponentBundle): the WSDL types `targetConfigs` as xsd:base64Binary because the
 *   platform stores it as a blob, so every bundle that configures a record or app page target is a false
 *   positive; bundles also use a `fqn` attribute the WSDL does not declare. Patching targetConfigs to
 *   xsd:anyType is not enough: bundles conventionally write <targets> before <targetConfigs>, which the
 *   platform accepts but the WSDL's alphabetical xsd:sequence rejects (tried on this package's bundles).
 */
const EXCLUDED = ['.js-meta.xml'] as const;

const kindOf = (file: string) =>
  [...VALIDATED, ...EXCLUDED].find((suffix) => file.endsWith(suffix));

describe('Metadata API schema derived from the WSDL', () => {
  const wsdl = readFileSync(DEFAULT_WSDL_PATH, 'utf8');

  it('declares a global element for each requested root type, typed by the WSDL complexType', () => {
    const xsd = deriveMetadataXsd(wsdl, ['CustomField', 'ReportType']);
    expect(xsd).toContain('<xsd:element name="CustomField" type="tns:CustomField"/>');
    expect(xsd).toContain('<xsd:element name="ReportType" type="tns:ReportType"/>');
    expect(xsd).toContain('xmlns:tns="http://soap.sforce.com/2006/04/metadata"');
    expect(xsd).not.toContain('<definitions');
    expect(xsd.trimEnd().endsWith('</xsd:schema>')).toBe(true);
  });

  it('names every root type the WSDL does not define', () => {
    expect(() => deriveMetadataXsd(wsdl, ['CustomField', 'CoSellWidget', 'Gadget'])).toThrow(
      new MetadataSchemaError(
        'the WSDL schema has no complexType for root type(s): CoSellWidget, Gadget',
      ),
    );
  });

  it('refuses a document that is not a WSDL with an inline schema', () => {
    expect(() => deriveMetadataXsd('<definitions><types/></definitions>')).toThrow(
      MetadataSchemaError,
    );
  });

  it('refuses a missing WSDL path with the path in the message', () => {
    expect(() => ensureMetadataXsd('/nowhere/metadata.wsdl')).toThrow(
      'Metadata API WSDL not found at /nowhere/metadata.wsdl',
    );
  });
});

describe('force-app against the Metadata API schema', () => {
  let xsdPath: string;
  let scratch: string;
  const allMeta = filesEndingWith(DEFAULT_DIR, '-meta.xml');

  beforeAll(() => {
    xsdPath = ensureMetadataXsd();
    scratch = mkdtempSync(path.join(os.tmpdir(), 'cosell-xsd-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('knows every kind of metadata file in force-app: validated or excluded with a reason', () => {
    expect(allMeta.filter((file) => kindOf(file) === undefined)).toEqual([]);
  });

  it('has files of every kind the package must cover', () => {
    const empty = REQUIRED_KINDS.filter((kind) => !allMeta.some((file) => file.endsWith(kind)));
    expect(empty).toEqual([]);
  });

  it('validates every non-excluded metadata file', () => {
    const validated = allMeta.filter((file) => VALIDATED.some((suffix) => file.endsWith(suffix)));
    expect(validated.length).toBeGreaterThan(100);
    const failures = runXmllint(validated, xsdPath)
      .filter((verdict) => !verdict.ok)
      .map((verdict) => ({
        file: path.relative(DEFAULT_DIR, verdict.file),
        errors: verdict.errors,
      }));
    expect(failures).toEqual([]);
  });

  it('catches a bad enum value and elements out of schema order (the checker can fail)', () => {
    const badType = path.join(scratch, 'Deal_Size__c.field-meta.xml');
    writeFileSync(
      badType,
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
        '<fullName>Deal_Size__c</fullName>\n<label>Deal Size</label>\n<type>Numbr</type>\n</CustomField>\n',
    );
    const outOfOrder = path.join(scratch, 'PDM_Name__c.field-meta.xml');
    writeFileSync(
      outOfOrder,
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
        '<fullName>PDM_Name__c</fullName>\n<type>Text</type>\n<label>PDM Name</label>\n</CustomField>\n',
    );
    const [typeVerdict, orderVerdict] = runXmllint([badType, outOfOrder], xsdPath);
    expect(typeVerdict?.ok).toBe(false);
    expect(typeVerdict?.errors.join('\n')).toContain(
      "The value 'Numbr' is not an element of the set",
    );
    expect(orderVerdict?.ok).toBe(false);
    expect(orderVerdict?.errors.join('\n')).toContain('This element is not expected');
  });
});

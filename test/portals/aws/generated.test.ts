// The committed ACE schemas must be exactly what the generator makes from the model today, and the
// generator must fail loudly on Smithy it cannot translate faithfully.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_MODEL_PATH,
  OUTPUT_PATH,
  describePattern,
  generateAceSchemas,
  translatePattern,
} from '../../../scripts/generate-ace-schemas.js';
import { ACE_MODEL } from '../../../middleware/src/portals/aws/generated/ace-schemas.js';

const ROOT = new URL('../../../', import.meta.url);

describe('generated ACE schemas', () => {
  const modelText = readFileSync(new URL(DEFAULT_MODEL_PATH, ROOT), 'utf8');

  it('are up to date with the model (regenerate with the command in the file header if this fails)', () => {
    const committed = readFileSync(new URL(OUTPUT_PATH, ROOT), 'utf8');
    expect(generateAceSchemas(modelText, 'partnercentral-selling-2022-07-26.json')).toBe(committed);
  });

  it('record the model file, service version and checksum they came from', () => {
    expect(ACE_MODEL).toMatchObject({
      file: 'partnercentral-selling-2022-07-26.json',
      version: '2022-07-26',
    });
    expect(ACE_MODEL.sha256).toMatch(/^6133fba4[0-9a-f]{49}82fb71d$/);
  });

  it('change when the model changes (a new enum value appears in the output)', () => {
    const model = JSON.parse(modelText) as {
      shapes: Record<string, { members?: Record<string, unknown> }>;
    };
    model.shapes['com.amazonaws.partnercentralselling#Stage']!.members!.PILOT = {
      target: 'smithy.api#Unit',
      traits: { 'smithy.api#enumValue': 'Pilot' },
    };
    expect(generateAceSchemas(JSON.stringify(model), 'next.json')).toContain(
      '"Closed Lost","Pilot"]',
    );
  });
});

describe('Smithy pattern translation', () => {
  it('turns a leading (?s) into the s flag and always compiles with u', () => {
    expect(translatePattern('^(?s).{0,255}$')).toEqual({ source: '^.{0,255}$', flags: 'su' });
    expect(translatePattern('^[a-zA-Z]+$')).toEqual({ source: '^[a-zA-Z]+$', flags: 'u' });
  });

  it('keeps patterns unanchored: a suffix-only pattern matches inside a longer value', () => {
    const { source, flags } = translatePattern('task-[0-9a-z]{13}$');
    expect(new RegExp(source, flags).test('arn:aws:partnercentral:task-0a1b2c3d4e5f6')).toBe(true);
  });

  it('refuses inline flags JavaScript cannot express rather than mistranslating them', () => {
    expect(() => translatePattern('^(?i)abc$')).toThrow(/inline flag/);
    expect(() => translatePattern('^[a-z$')).toThrow(/not a valid JavaScript regex/);
  });

  it('describes formats the way a sales rep fixes them', () => {
    expect(describePattern('^(?s).{20,2000}$')).toBe('20 to 2000 characters long');
    expect(describePattern('^\\+[1-9]\\d{1,14}$')).toMatch(/international phone number/);
    expect(describePattern('^S-[0-9]{1,19}$')).toBe('text matching ^S-[0-9]{1,19}$');
  });
});

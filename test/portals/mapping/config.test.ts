import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  MappingConfigError,
  parseMappingConfig,
} from '../../../middleware/src/portals/mapping/config.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { PORTALS } from '../../../middleware/src/portals/portal.js';
import { scratchFolder } from '../../support/scratch.js';

const minimal = () => ({
  portal: 'aws',
  version: 1,
  valueMaps: { stage: { Prospecting: 'Prospect' } },
  rules: [
    { path: 'Catalog', value: 'AWS' },
    { path: 'LifeCycle.Stage', from: 'stageName', transform: 'picklist', valueMap: 'stage' },
  ],
});

function problemsOf(raw: unknown): string[] {
  try {
    parseMappingConfig(raw, 'config/mapping/aws.json');
  } catch (error) {
    expect(error).toBeInstanceOf(MappingConfigError);
    return (error as MappingConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('mapping configuration', () => {
  it.each(PORTALS)('the shipped %s configuration loads and compiles', (portal) => {
    const mapping = loadMapping(portal);
    expect(mapping.portal).toBe(portal);
    expect(mapping.rules.length).toBeGreaterThan(5);
  });

  it('accepts a minimal configuration', () => {
    expect(parseMappingConfig(minimal(), 'aws.json').rules).toHaveLength(2);
  });

  it('names the rule and key of a misspelt canonical field, listing the real ones', () => {
    const raw = minimal();
    (raw.rules[1] as Record<string, unknown>).from = 'stage';
    const [problem] = problemsOf(raw);
    expect(problem).toMatch(
      /^rules\[1\]\.from: "stage" is not a canonical opportunity field; use one of .*stageName/,
    );
  });

  it('names a contact field that does not exist inside a list rule', () => {
    const raw = {
      ...minimal(),
      rules: [
        {
          path: 'Customer.Contacts',
          fromList: 'contacts',
          fields: [{ path: 'Email', from: 'mail' }],
        },
      ],
    };
    expect(problemsOf(raw)[0]).toMatch(
      /^rules\[0\]\.fields\[0\]\.from: "mail" is not a canonical contact field/,
    );
  });

  it('refuses a value map that is not defined, and a picklist without one', () => {
    const raw = minimal();
    (raw.rules[1] as Record<string, unknown>).valueMap = 'stages';
    expect(problemsOf(raw)).toEqual([
      'rules[1].valueMap: "stages" is not in valueMaps (known: stage)',
    ]);
    delete (raw.rules[1] as Record<string, unknown>).valueMap;
    expect(problemsOf(raw)).toEqual(['rules[1].valueMap: transform "picklist" needs a valueMap']);
  });

  it('refuses a rule with both a source and a constant, an unknown transform and an unknown key', () => {
    const raw = {
      ...minimal(),
      rules: [
        { path: 'Catalog', value: 'AWS', from: 'name' },
        { path: 'Project.Title', from: 'name', transform: 'upper' },
        { path: 'Project.Title', from: 'name', maxLenght: 5 },
      ],
    };
    const problems = problemsOf(raw);
    expect(problems[0]).toMatch(/^rules\[0\]: give exactly one of "from"/);
    expect(problems[1]).toMatch(/^rules\[1\]\.transform:/);
    expect(problems[2]).toMatch(/^rules\[2\]: .*maxLenght/);
  });

  it('refuses onlyWith pointing at a path no earlier rule writes', () => {
    const raw = {
      ...minimal(),
      rules: [
        {
          path: 'Project.ExpectedCustomerSpend[0].Frequency',
          value: 'Monthly',
          onlyWith: 'Project.ExpectedCustomerSpend[0].Amount',
        },
      ],
    };
    expect(problemsOf(raw)[0]).toMatch(
      /^rules\[0\]\.onlyWith: .* is not written by an earlier rule/,
    );
  });

  it('refuses a country alias that is not a two-letter code', () => {
    expect(problemsOf({ ...minimal(), countryAliases: { Deutschland: 'DEU' } })[0]).toMatch(
      /^countryAliases\.Deutschland: must be an ISO 3166-1 alpha-2 code/,
    );
  });

  it('says which file is unreadable, not JSON, or for another portal', () => {
    const directory = scratchFolder('cosell-mapping-');
    expect(() => loadMapping('aws', directory)).toThrow(
      /aws\.json is not a valid mapping configuration:\n {2}- cannot be read/,
    );
    writeFileSync(join(directory, 'aws.json'), '{"portal": "aws",');
    expect(() => loadMapping('aws', directory)).toThrow(/- is not JSON/);
    writeFileSync(join(directory, 'google.json'), JSON.stringify(minimal()));
    expect(() => loadMapping('google', directory)).toThrow(
      /portal: says "aws" but the file is for "google"/,
    );
  });
});

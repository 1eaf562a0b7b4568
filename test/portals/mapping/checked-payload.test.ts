import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../middleware/src/core/model.js';
import {
  mapAndValidate,
  mergeFindings,
} from '../../../middleware/src/portals/mapping/checked-payload.js';
import { portalBinding } from '../../../middleware/src/portals/registry.js';
import { NOW, northwindDataPlatform } from './opportunity-fixture.js';

const aws = portalBinding('aws');

describe('mapping + wire validation', () => {
  it('gives a wire finding the Salesforce field behind its portal path, contact elements included', () => {
    const wire: Finding[] = [
      {
        code: 'AWS_WIRE_TOO_BIG',
        severity: 'error',
        message: 'too long',
        cloud: 'AWS',
        path: '$.Customer.Account.Address.PostalCode',
      },
      {
        code: 'AWS_WIRE_INVALID_FORMAT',
        severity: 'error',
        message: 'bad email',
        cloud: 'AWS',
        path: '$.Customer.Contacts[2].Email',
      },
      {
        code: 'AWS_WIRE_REQUIRED',
        severity: 'error',
        message: 'required',
        cloud: 'AWS',
        path: '$.ClientToken',
      },
    ];
    const merged = mergeFindings(aws.mapper.mapping, [], wire);
    expect(merged.map((finding) => finding.field)).toEqual([
      'Account.BillingPostalCode',
      'Contact.Email',
      undefined,
    ]);
  });

  it('drops a wire finding where the mapping already reported an error, keeping the one that names the field', () => {
    const mapped: Finding[] = [
      {
        code: 'AWS_MAP_REQUIRED_MISSING',
        severity: 'error',
        message: 'Account Name is empty',
        cloud: 'AWS',
        path: '$.Customer.Account.CompanyName',
        field: 'Account.Name',
      },
    ];
    const wire: Finding[] = [
      {
        code: 'AWS_WIRE_REQUIRED',
        severity: 'error',
        message: 'required',
        cloud: 'AWS',
        path: '$.Customer.Account.CompanyName',
      },
    ];
    expect(mergeFindings(aws.mapper.mapping, mapped, wire)).toEqual(mapped);
  });

  it('maps and validates through the registry: a website too short for ACE is reported once, on Account.Website', () => {
    const checked = mapAndValidate(
      aws.mapper,
      aws.wireFormat,
      northwindDataPlatform((o) => void (o.account.website = 'n.a')),
      { now: NOW },
    );
    const onWebsite = checked.findings.filter(
      (finding) => finding.path === '$.Customer.Account.WebsiteUrl',
    );
    expect(onWebsite).toEqual([
      expect.objectContaining({
        code: 'AWS_MAP_TOO_SHORT',
        field: 'Account.Website',
        severity: 'error',
      }),
    ]);
    expect(checked).toMatchObject({ portal: 'aws', operation: 'CreateOpportunity' });
  });
});

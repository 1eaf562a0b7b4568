// Who the local org starts with: its Organization record, the users its options seed (every JWT
// username without a seed becomes an API-only integration user), and the User record each becomes.
import { createHash } from 'node:crypto';
import type { OrgUser } from './permissions.js';
import {
  LOCAL_ORG_ID,
  type OrgUserSeed,
  type SalesforceTestServerOptions,
} from './server-options.js';

export const ORGANIZATION_RECORD = {
  Id: LOCAL_ORG_ID,
  Name: 'Local Co-Sell Org',
  InstanceName: 'LOCAL',
  IsSandbox: false,
  TrialExpirationDate: null,
  NamespacePrefix: null,
  OrganizationType: 'Developer Edition',
  DefaultLocaleSidKey: 'en_US',
};

export function startingUsers(
  options: Pick<SalesforceTestServerOptions, 'users' | 'usernames'>,
): OrgUserSeed[] {
  const seeds = [...(options.users ?? [])];
  for (const username of options.usernames) {
    if (!seeds.some((seed) => seed.username === username))
      seeds.push({
        username,
        firstName: 'Integration',
        lastName: 'User',
        profile: 'Minimum Access - API Only Integrations',
        permissionSets: ['CoSell_Integration'],
      });
  }
  return seeds;
}

/** The User record a seed becomes. */
export function userRecordOf(seed: OrgUserSeed): Record<string, unknown> & { Id: string } {
  return {
    // The Id follows from the username, so a restored org's owners and a restart's users agree.
    Id: `005${createHash('sha256').update(seed.username).digest('hex').slice(0, 12).toUpperCase()}AAA`,
    Username: seed.username,
    FirstName: seed.firstName,
    LastName: seed.lastName,
    Name: `${seed.firstName} ${seed.lastName}`,
    Email: seed.email ?? seed.username,
    IsActive: true,
    UserType: 'Standard',
    Alias: `${seed.firstName.slice(0, 1)}${seed.lastName.slice(0, 4)}`.toLowerCase(),
    TimeZoneSidKey: 'GMT',
    LanguageLocaleKey: 'en_US',
  };
}

/** Who the user with this Id is for security decisions. */
export function orgUserOf(id: string, seed: OrgUserSeed): OrgUser {
  return {
    Id: id,
    Username: seed.username,
    profile: seed.profile,
    permissionSets: [...seed.permissionSets],
    ...(seed.userPermissions ? { userPermissions: [...seed.userPermissions] } : {}),
  };
}

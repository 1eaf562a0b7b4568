// The local org honours CreatedDate on insert only for a user with "Set Audit Fields upon Record
// Creation" (the demo's seeding admin), derives IsClosed/IsWon from the stage, and refuses both
// otherwise with Salesforce's error, as a real org does.
import { Connection } from 'jsforce';
import { SALESFORCE_API_VERSION } from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';

describe('audit fields and derived stage flags in the local org', () => {
  let local: LocalOrg;
  let admin: Connection;
  let ae: Connection;

  beforeAll(async () => {
    local = await startLocalOrg();
    admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    ae = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.server.issueToken(local.server.userByName('ae@cosell.local')!.Id),
      version: SALESFORCE_API_VERSION,
    });
  });
  afterAll(async () => local?.stop());

  it('keeps a historical CreatedDate given by the holder of the permission, on insert only', async () => {
    const created = (await admin.sobject('Opportunity').create({
      Name: 'Contoso - warehouse migration',
      StageName: 'Closed Won',
      CloseDate: '2026-03-31',
      CreatedDate: '2026-01-05T09:00:00.000Z',
    })) as { id: string };
    const record = local.org.get('Opportunity', created.id)!;
    expect(record.CreatedDate).toBe('2026-01-05T09:00:00.000Z');
    expect(record).toMatchObject({ IsClosed: true, IsWon: true });
    await expect(
      admin
        .sobject('Opportunity')
        .update({ Id: created.id, CreatedDate: '2025-01-01T00:00:00.000Z' }),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: expect.stringContaining('CreatedDate'),
    });
    expect(local.org.get('Opportunity', created.id)!.CreatedDate).toBe('2026-01-05T09:00:00.000Z');
  });

  it('refuses CreatedDate and IsWon from a user without it, and creates nothing', async () => {
    const before = local.org.all('Opportunity').length;
    const refused = ae.sobject('Opportunity').create({
      Name: 'Fabrikam - lakehouse',
      StageName: 'Prospecting',
      CloseDate: '2027-03-31',
      CreatedDate: '2026-01-05T09:00:00.000Z',
      IsWon: true,
    });
    await expect(refused).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: expect.stringContaining('CreatedDate, IsWon'),
    });
    expect(local.org.all('Opportunity')).toHaveLength(before);
  });
});

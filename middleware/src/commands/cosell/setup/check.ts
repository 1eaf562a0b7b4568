// `cosell setup check`: does the org have what the co-sell package ships (objects, fields, permission
// sets), can the integration user see and write what the service needs, and does every value of the
// picklists the portal mappings read map to something? Prints what is missing.
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { orgConnection } from '../../../salesforce/org-reads/org-connection.js';
import { checkPackage, type SetupCheck } from '../../../salesforce/org-reads/package-check.js';
import { gatherPackageFacts } from '../../../salesforce/org-reads/package-facts.js';
import { loadMapping } from '../../../portals/mapping/load.js';
import { mappedPicklists } from '../../../portals/mapping/org-value-maps.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';
import { fittedTable, printTable, type TableColumn } from '../../../cli/terminal-table.js';

const messages = commandMessages('cosell.setup.check');

export type SetupCheckResult = {
  targetOrg: string;
  ready: boolean;
  checked: number;
  missing: SetupCheck[];
  checks: SetupCheck[];
};

export default class SetupCheckCommand extends cosellCommand(messages)<SetupCheckResult> {
  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    'integration-user': Flags.string({
      char: 'u',
      summary: messages.getMessage('flags.integration-user.summary'),
    }),
  };

  public async run(): Promise<SetupCheckResult> {
    const { flags } = await this.parse(SetupCheckCommand);
    const org = flags['target-org'];
    const username = org.getUsername() ?? '';
    this.spinner.start(messages.getMessage('info.checking', [username]));
    let checks: SetupCheck[];
    try {
      // The shipped mappings say which picklists reach a portal; the org's values of each are checked against them.
      const mappings = {
        aws: loadMapping('aws').config,
        microsoft: loadMapping('microsoft').config,
        google: loadMapping('google').config,
      };
      const picklists = [
        ...new Set(
          Object.values(mappings).flatMap((config) =>
            mappedPicklists(config).map((picklist) => picklist.field),
          ),
        ),
      ];
      const facts = await gatherPackageFacts(
        orgConnection(org.getConnection(flags['api-version'])),
        {
          picklists,
          ...(flags['integration-user'] ? { integrationUsername: flags['integration-user'] } : {}),
        },
      );
      checks = checkPackage(facts, mappings);
    } finally {
      this.spinner.stop();
    }
    const missing = checks.filter((check) => !check.ok);
    if (missing.length === 0)
      this.log(messages.getMessage('info.ready', [username, counted(checks.length, 'check')]));
    else {
      const rows = missing.map(({ area, item, problem }) => ({ area, item, problem }));
      printTable(this, fittedTable(PROBLEM_COLUMNS, rows));
      this.log(
        messages.getMessage('info.missing', [
          missing.length,
          counted(checks.length, 'check'),
          username,
        ]),
      );
      process.exitCode = EXIT_CODES.findings;
    }
    return {
      targetOrg: username,
      ready: missing.length === 0,
      checked: checks.length,
      missing,
      checks,
    };
  }
}

/** What is missing, and why it matters, are sentences: they wrap rather than being cut. */
const PROBLEM_COLUMNS: TableColumn[] = [
  { key: 'area', name: 'Area', priority: 0, align: 'left' },
  { key: 'item', name: 'Item', priority: 0, align: 'left', wrapsAt: 24 },
  { key: 'problem', name: 'Problem', priority: 0, align: 'left', wrapsAt: 30 },
];

// `cosell referrals list`: the triaged inbox of hyperscaler referrals, most urgent first, from the service.
import { Flags } from '@salesforce/sf-plugins-core';
import { REFERRAL_LIST_LIMIT } from '../../../api-contract/referrals.js';
import { cloudFlag, serviceFlags } from '../../../cli/flags.js';
import { serviceClient, type ReferralView } from '../../../cli/service-client.js';
import { PRIORITIES, SOURCE_LAYERS, TRIAGE_STATUSES } from '../../../core/model.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';
import { fittedTable, printTable, type TableColumn } from '../../../cli/terminal-table.js';

const messages = commandMessages('cosell.referrals.list');

export type ReferralsListResult = { referrals: ReferralView[]; truncated: boolean };

/** What alliance ops act on stays when the terminal is narrow: which referral, how urgent, whose, from whom. */
const REFERRAL_COLUMNS: TableColumn[] = [
  { key: 'id', name: 'Id', align: 'right' },
  { key: 'cloud', name: 'Cloud', priority: 2 },
  { key: 'priority', name: 'Priority' },
  { key: 'due', name: 'Due' },
  { key: 'status', name: 'Status', priority: 4 },
  { key: 'customer', name: 'Customer', wrapsAt: 20 },
  { key: 'title', name: 'Title', priority: 5, wrapsAt: 24 },
  { key: 'value', name: 'Value', priority: 3, align: 'right' },
  { key: 'from', name: 'From', priority: 1, wrapsAt: 20 },
  { key: 'owner', name: 'Owner', priority: 6 },
];

export default class ReferralsList extends cosellCommand(messages)<ReferralsListResult> {
  public static readonly flags = {
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    layer: Flags.option({
      options: SOURCE_LAYERS,
      summary: messages.getMessage('flags.layer.summary'),
    })(),
    priority: Flags.option({
      options: PRIORITIES,
      summary: messages.getMessage('flags.priority.summary'),
    })(),
    status: Flags.option({
      options: TRIAGE_STATUSES,
      summary: messages.getMessage('flags.status.summary'),
    })(),
    overdue: Flags.boolean({
      allowNo: true,
      summary: messages.getMessage('flags.overdue.summary'),
    }),
    limit: Flags.integer({
      ...REFERRAL_LIST_LIMIT,
      summary: messages.getMessage('flags.limit.summary'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<ReferralsListResult> {
    const { flags } = await this.parse(ReferralsList);
    const result = await serviceClient(flags).listReferrals({
      ...(flags.cloud ? { cloud: flags.cloud } : {}),
      ...(flags.layer ? { layer: flags.layer } : {}),
      ...(flags.priority ? { priority: flags.priority } : {}),
      ...(flags.status ? { status: flags.status } : {}),
      ...(flags.overdue === undefined ? {} : { overdue: flags.overdue }),
      limit: flags.limit,
    });
    if (result.referrals.length === 0) this.log(messages.getMessage('info.empty'));
    else {
      const data = result.referrals.map((referral) => ({
        id: referral.id,
        cloud: referral.cloud,
        priority: referral.priority ?? '',
        due: referral.responseDue
          ? `${referral.responseDue.slice(0, 16).replace('T', ' ')}Z${referral.overdue ? ' OVERDUE' : ''}`
          : '',
        status: referral.triageStatus,
        customer: referral.customerName,
        title: referral.title ?? '',
        value: referral.estimatedValue
          ? `${referral.estimatedValue.amount} ${referral.estimatedValue.currencyIsoCode}`
          : '',
        from: [referral.sourceLayer, referral.referrer.name].filter(Boolean).join(': '),
        owner: referral.ownerId ?? '',
      }));
      printTable(this, fittedTable(REFERRAL_COLUMNS, data));
      const overdue = result.referrals.filter((referral) => referral.overdue).length;
      this.log(
        messages.getMessage('info.summary', [
          counted(result.referrals.length, 'referral'),
          overdue,
        ]),
      );
    }
    if (result.truncated) this.warn(messages.getMessage('info.truncated', [flags.limit]));
    return result;
  }
}

// Who can own a referral: an active Salesforce User or a Queue. Assigning to anything else would
// write an owner Salesforce refuses (or, worse, a referral nobody sees), so it is refused up front.
export type OwnerKind = 'User' | 'Queue';

export interface OwnerDirectory {
  /** What the Id names in the org, or null when it is no active User and no Queue. */
  kindOf(id: string): Promise<OwnerKind | null>;
}

const USER_PREFIX = '005';
const GROUP_PREFIX = '00G';
const ID_SHAPE = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

/** With no org: the users and queues the embedded desk knows (demo people, token users, mirrored owners). */
export function localOwnerDirectory(known: () => Promise<Iterable<string>>): OwnerDirectory {
  return {
    async kindOf(id) {
      if (!ID_SHAPE.test(id)) return null;
      for (const owner of await known()) {
        if (owner.slice(0, 15) === id.slice(0, 15))
          return owner.startsWith(GROUP_PREFIX)
            ? 'Queue'
            : owner.startsWith(USER_PREFIX)
              ? 'User'
              : null;
      }
      return null;
    },
  };
}

/** Asks the org: an active User by Id, or a Group of type Queue by Id. */
export function orgOwnerDirectory(
  query: (soql: string) => Promise<Array<{ Id: string }>>,
): OwnerDirectory {
  return {
    async kindOf(id) {
      if (!ID_SHAPE.test(id)) return null;
      if (id.startsWith(USER_PREFIX)) {
        const rows = await query(`SELECT Id FROM User WHERE Id = '${id}' AND IsActive = true`);
        return rows.length > 0 ? 'User' : null;
      }
      if (id.startsWith(GROUP_PREFIX)) {
        const rows = await query(`SELECT Id FROM Group WHERE Id = '${id}' AND Type = 'Queue'`);
        return rows.length > 0 ? 'Queue' : null;
      }
      return null;
    },
  };
}

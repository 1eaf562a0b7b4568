// What a service request does, in the words a user of the CLI knows ("accept referral 42"), for
// errors: the route's operationId ("acceptReferral") is a name for code, not for people.

const WORDS: Record<string, (id: string | undefined) => string> = {
  validateOpportunity: () => 'validate the opportunity',
  submitOpportunity: (id) => `submit opportunity ${id ?? ''}`.trim(),
  listEngagements: (id) => `list the engagements of opportunity ${id ?? ''}`.trim(),
  validatePayload: () => 'validate the payload',
  listReferrals: () => 'list referrals',
  acceptReferral: (id) => `accept referral ${id ?? ''}`.trim(),
  declineReferral: (id) => `decline referral ${id ?? ''}`.trim(),
  assignReferral: (id) => `assign referral ${id ?? ''}`.trim(),
  attributionReport: () => 'build the attribution report',
  attributionTrend: () => 'build the attribution trend',
  readiness: () => 'build the readiness checklist',
  syncStatus: () => 'show the sync status',
  replaySyncJob: (id) => `replay sync job ${id ?? ''}`.trim(),
};

/** The request in words: known routes by their own phrase, any other by splitting its name ("listFooBars" → "list foo bars"). */
export function requestWords(operationId: string, params: Record<string, string> = {}): string {
  const phrase = WORDS[operationId];
  if (phrase) return phrase(params.id);
  return operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

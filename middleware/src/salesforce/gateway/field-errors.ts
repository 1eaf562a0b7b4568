// Salesforce's record-level refusals (validation rules, restricted picklists, lengths) as findings a
// person can act on, named by the field at fault, so they show on the engagement like portal findings.
import type { Cloud, Finding } from '../../core/model.js';
import type { SalesforceRecordError } from './collections.js';

/** Codes that mean "this record's data is wrong", not "Salesforce is unavailable". */
const DATA_ERROR_CODES = new Set([
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'FIELD_INTEGRITY_EXCEPTION',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_TYPE_ON_FIELD_IN_RECORD',
  'JSON_PARSER_ERROR',
  'MALFORMED_ID',
  'NUMBER_OUTSIDE_VALID_RANGE',
  'REQUIRED_FIELD_MISSING',
  'STRING_TOO_LONG',
  'INVALID_EMAIL_ADDRESS',
  'DUPLICATE_VALUE',
]);

/** True when every error is about the record's data (so retrying the same write cannot help). */
export function isDataError(errors: readonly SalesforceRecordError[]): boolean {
  return (
    errors.length > 0 &&
    errors.every((error) => DATA_ERROR_CODES.has(error.statusCode) || error.fields.length > 0)
  );
}

/** One finding per refused field (or one for the record when Salesforce names none). */
export function findingsFromRecordErrors(
  errors: readonly SalesforceRecordError[],
  context: { cloud?: Cloud; object: string },
): Finding[] {
  return errors.flatMap((error) => {
    const fields = error.fields.length > 0 ? error.fields : [undefined];
    return fields.map((field) => ({
      code: `salesforce.${error.statusCode}`,
      severity: 'error' as const,
      message: `Salesforce refused the ${context.object} write${field ? ` on ${field}` : ''}: ${error.message}`,
      ...(context.cloud ? { cloud: context.cloud } : {}),
      ...(field ? { field } : {}),
    }));
  });
}

/** The fields Salesforce named in its refusal. */
export function refusedFields(errors: readonly SalesforceRecordError[]): Set<string> {
  return new Set(errors.flatMap((error) => error.fields));
}

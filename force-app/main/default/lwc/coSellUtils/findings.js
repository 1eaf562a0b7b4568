// Reads the findings the middleware writes back to `CoSell_Engagement__c.Findings__c` (a JSON array
// of { code, severity, message, field, path }) into something a component can render safely.
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function isFinding(entry) {
  return (
    entry !== null &&
    typeof entry === 'object' &&
    typeof entry.message === 'string' &&
    entry.message.trim() !== ''
  );
}

/**
 * @param {string|null|undefined} json the Findings__c value
 * @returns {{ findings: Array<{key, code, severity, message, field, path}>, unreadable: boolean }}
 *   findings sorted errors first; `unreadable` when the text is not a JSON array of findings, so the
 *   component can say so instead of silently showing "no findings".
 */
export function parseFindings(json) {
  if (json === null || json === undefined || String(json).trim() === '') {
    return { findings: [], unreadable: false };
  }
  let parsed;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { findings: [], unreadable: true };
  }
  if (!Array.isArray(parsed)) {
    return { findings: [], unreadable: true };
  }
  const findings = parsed.filter(isFinding).map((entry, index) => {
    const severity = Object.prototype.hasOwnProperty.call(SEVERITY_ORDER, entry.severity)
      ? entry.severity
      : 'info';
    return {
      key: `${entry.code || 'finding'}-${index}`,
      code: entry.code || '',
      severity,
      message: entry.message,
      field: typeof entry.field === 'string' && entry.field !== '' ? entry.field : null,
      path: typeof entry.path === 'string' && entry.path !== '' ? entry.path : null,
    };
  });
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { findings, unreadable: findings.length < parsed.length };
}

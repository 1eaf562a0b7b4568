// The field errors core's parsers throw: the field, the reason and a stable code, and the first
// zod problem turned into one of them.
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { FieldError, parseOrRefuse } from '../../middleware/src/core/field-error.js';
import { AttributionReportOptionError } from '../../middleware/src/core/attribution/report.js';
import {
  ReadinessEvidenceError,
  parseReadinessEvidence,
} from '../../middleware/src/core/readiness/index.js';

class SampleError extends FieldError {
  readonly code = 'INVALID_SAMPLE';
}

const Sample = z.object({ name: z.string(), size: z.object({ width: z.number().positive() }) });
const refuse = (field: string, message: string) => new SampleError(field, message);

describe('FieldError', () => {
  it('names the field in its message and carries its class name and code', () => {
    const error = new SampleError('size.width', 'must be positive');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('size.width: must be positive');
    expect(error.name).toBe('SampleError');
    expect(error.field).toBe('size.width');
    expect(error.code).toBe('INVALID_SAMPLE');
  });

  it("keeps the report option's own name for the field", () => {
    const error = new AttributionReportOptionError('period.quarter', 'must be 1 to 4');
    expect(error.option).toBe('period.quarter');
    expect(error.name).toBe('AttributionReportOptionError');
    expect(error.code).toBe('INVALID_REPORT_OPTION');
  });
});

describe('parseOrRefuse', () => {
  it('returns the parsed input', () => {
    expect(parseOrRefuse(Sample, { name: 'a', size: { width: 2 } }, 'sample', refuse)).toEqual({
      name: 'a',
      size: { width: 2 },
    });
  });

  it('refuses with the path of the first problem', () => {
    expect(() =>
      parseOrRefuse(Sample, { name: 'a', size: { width: -1 } }, 'sample', refuse),
    ).toThrow(expect.objectContaining({ name: 'SampleError', field: 'size.width' }));
  });

  it('names the whole input when the problem has no path', () => {
    expect(() => parseOrRefuse(Sample, 'not an object', 'sample', refuse)).toThrow(
      expect.objectContaining({ field: 'sample' }),
    );
  });

  it('is how readiness evidence names a bad field', () => {
    expect(() => parseReadinessEvidence({ cloud: 'Oracle' })).toThrow(ReadinessEvidenceError);
    expect(() => parseReadinessEvidence({ cloud: 'Oracle' })).toThrow(
      expect.objectContaining({ field: 'cloud', code: 'INVALID_READINESS_EVIDENCE' }),
    );
  });
});

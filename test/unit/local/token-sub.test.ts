import { describe, expect, it } from 'vitest';
import { defaultOfficerSub } from '../../../infra/local/auth.ts';

describe('defaultOfficerSub (npm run token)', () => {
  it('gives SHOs of two stations of one district two officer ids', () => {
    // Act
    const gulberg = defaultOfficerSub('SHO', { district: 'LHR', station: 'Gulberg' });
    const modelTown = defaultOfficerSub('SHO', { district: 'LHR', station: 'Model Town' });
    // Assess
    expect(gulberg).toBe('local-sho-lhr-gulberg');
    expect(modelTown).toBe('local-sho-lhr-model-town');
  });

  it('keeps the ids the banner and docs use for area-wide posts', () => {
    // Act / Assess
    expect(defaultOfficerSub('DPO', { district: 'LHR' })).toBe('local-dpo-lhr');
    expect(defaultOfficerSub('RPO', { region: 'lahore' })).toBe('local-rpo-lahore');
    expect(defaultOfficerSub('CPO', {})).toBe('local-cpo');
  });
});

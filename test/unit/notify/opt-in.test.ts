import { describe, expect, it } from 'vitest';
import { isOptInReply, optInRequest } from '../../../shared/app/notify/opt-in.ts';

describe('opt-in', () => {
  it('takes YES as people type it, and nothing else', () => {
    // Act & Assess
    for (const yes of ['YES', 'yes', ' Yes! ', 'y', 'haan', 'ہاں', 'جی ہاں'])
      expect(isOptInReply(yes)).toBe(true);
    for (const other of ['no', 'yes please stop', 'salam', '1', '']) expect(isOptInReply(other)).toBe(false);
  });

  it('asks in the complaint language, naming the e-tag', () => {
    // Act
    const en = optInRequest('en', 'LHR-2603-ABCD');
    const ur = optInRequest('ur', 'LHR-2603-ABCD');
    // Assess
    expect(JSON.stringify(en)).toMatch(/LHR-2603-ABCD.*Reply YES/);
    expect(JSON.stringify(ur)).toMatch(/LHR-2603-ABCD/);
  });
});

/** GET /stations through the real handler on the emulator: the force directory's stations of a district. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createForceRepository } from '../../shared/adapters/dynamodb/force-repository.ts';
import { seedStructure } from '../../shared/domain/force/seed.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { handler } from '../../functions/district-stations.ts';
import { provisionForTest } from '../support/aws.ts';
import { call } from './officer-support.ts';

beforeAll(async () => {
  const provisioned = await provisionForTest('stn');
  const { units, posts } = seedStructure();
  await createForceRepository(documentClient(), () => provisioned.names.appTable).seed(units, posts);
});

const stations = (query: Record<string, string>) =>
  call(handler, { method: 'GET', route: '/stations', path: '/stations', query });

describe('GET /stations', () => {
  it("lists a district's police stations with their circles, by name, cacheable for a few minutes", async () => {
    // Act
    const lahore = await stations({ district: 'lhr' });
    const faisalabad = await stations({ district: 'FSD' });
    // Assess
    expect(lahore.status).toBe(200);
    expect(lahore.body.district).toBe('LHR');
    expect(lahore.body.stations).toHaveLength(7);
    expect(lahore.body.stations).toContainEqual({ name: 'Gulberg', circle: 'Model Town' });
    expect(lahore.headers['cache-control']).toBe('public, max-age=300');
    expect(faisalabad.body.stations.map((s: { name: string }) => s.name)).toEqual(['City', 'Saddar']);
  });

  it.each<Record<string, string>>([{}, { district: 'XYZ' }, { district: 'LHR', extra: '1' }])(
    'refuses %j with a 400 naming the parameter',
    async (query) => {
      // Act
      const answer = await stations(query);
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    },
  );
});

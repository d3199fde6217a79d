import { afterEach, describe, expect, it, vi } from 'vitest';
import { queueUrl, tableConfig, whatsappConfig } from '../../../shared/runtime/config.ts';

describe('configuration slices', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('parse the environment once while it stays the same, and hand out a value no caller can change', () => {
    // Prepare
    vi.stubEnv('TABLE_NAME', 'rabta-test');
    // Act
    const first = tableConfig();
    const second = tableConfig();
    // Assess
    expect(second).toBe(first);
    expect(first).toEqual({ tableName: 'rabta-test' });
    expect(() => {
      (first as { tableName: string }).tableName = 'another';
    }).toThrow(TypeError);
  });

  it('see a changed variable at the next call', () => {
    // Prepare
    vi.stubEnv('TABLE_NAME', 'rabta-one');
    vi.stubEnv('GRAPH_API_MAX_ATTEMPTS', '3');
    expect(tableConfig().tableName).toBe('rabta-one');
    expect(whatsappConfig().graphMaxAttempts).toBe(3);
    // Act
    vi.stubEnv('TABLE_NAME', 'rabta-two');
    vi.stubEnv('GRAPH_API_MAX_ATTEMPTS', '5');
    // Assess
    expect(tableConfig().tableName).toBe('rabta-two');
    expect(whatsappConfig().graphMaxAttempts).toBe(5);
  });

  it('fail on every call while a variable is missing or malformed, naming it, and recover once it is fixed', () => {
    // Prepare
    vi.stubEnv('TABLE_NAME', '');
    vi.stubEnv('QUEUE_URL_TEST_SLICE', 'not a url');
    // Act & Assess
    expect(() => tableConfig()).toThrow(/TABLE_NAME/);
    expect(() => tableConfig()).toThrow(/TABLE_NAME/);
    expect(() => queueUrl('QUEUE_URL_TEST_SLICE')).toThrow(/QUEUE_URL_TEST_SLICE/);
    vi.stubEnv('TABLE_NAME', 'rabta-fixed');
    vi.stubEnv('QUEUE_URL_TEST_SLICE', 'http://127.0.0.1:5000/000000000000/test-slice');
    expect(tableConfig().tableName).toBe('rabta-fixed');
    expect(queueUrl('QUEUE_URL_TEST_SLICE')).toBe('http://127.0.0.1:5000/000000000000/test-slice');
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeNull();
    expect(c.port).toBe(3000);
    expect(c.attachmentMaxBytes).toBe(9 * 1024 * 1024);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('lists every invalid setting at once', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', GUICHET_PORT: 'abc', GUICHET_BLOB_STORE: 's3' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('GUICHET_PORT');
      expect(problems).toContain('GUICHET_BLOB_STORE');
    }
  });

  it('lets command-line overrides win', () => {
    const c = loadConfig({ GUICHET_PORT: '4000' }, { port: 5000, dataDir: '/tmp/x' });
    expect(c.port).toBe(5000);
    expect(c.dataDir).toBe('/tmp/x');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl } from './client.js';

describe('the API client', () => {
  it('builds /api/v1 URLs and leaves out empty filters', () => {
    expect(apiUrl('/tickets', { state: 'open', assignee: undefined, cursor: null, requester: '', limit: 25 })).toBe('/api/v1/tickets?state=open&limit=25');
  });

  it('names the fields a problem+json answer blames', () => {
    const e = new ApiError(400, {
      type: 't',
      title: 'Requête invalide',
      status: 400,
      code: 'validation_failed',
      detail: 'Certains champs manquent.',
      errors: [
        { path: 'body.subject', message: 'too small' },
        { path: 'timeZone', message: 'unknown' },
      ],
    });
    expect(e.message).toBe('Certains champs manquent.');
    expect(e.code).toBe('validation_failed');
    expect(e.fields).toEqual({ subject: true, timeZone: true });
  });

  it('has no code nor fields when the server could not be reached', () => {
    const e = new ApiError(0, null);
    expect(e.code).toBeNull();
    expect(e.fields).toEqual({});
  });
});

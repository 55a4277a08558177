import { describe, expect, it } from 'vitest';
import { SlaPolicyBody, type SlaPolicyDto } from '../../../contracts/sla.js';
import { emptyPolicy, policyBodyOf, policyDraftOf } from './sla-policy-draft.js';

const STORED: SlaPolicyDto = {
  id: 'p1',
  name: 'Support contract',
  position: 2,
  active: true,
  isDefault: false,
  conditions: { tiers: ['contract'], priorities: ['high', 'urgent'], organizationIds: ['org-1'], premium: false },
  calendarId: 'cal-1',
  firstResponse: { kind: 'business_minutes', minutes: 90 },
  nextResponse: { kind: 'same_business_day', before: '16:00' },
  resolution: { kind: 'business_day_hours', hours: 48 },
  warningShare: 0.75,
  notifyAnytime: true,
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
};

describe('SLA policy draft', () => {
  it('round-trips a stored policy, keeping the conditions the form does not show', () => {
    const draft = policyDraftOf(STORED);
    expect(draft.targets.firstResponse).toMatchObject({ kind: 'business_minutes', hours: '1.5' });
    expect(draft.warningPercent).toBe('75');
    const body = policyBodyOf(draft);
    expect(body).toEqual({
      name: 'Support contract',
      position: 2,
      active: true,
      isDefault: false,
      conditions: { organizationIds: ['org-1'], priorities: ['high', 'urgent'], tiers: ['contract'], premium: false },
      calendarId: 'cal-1',
      firstResponse: { kind: 'business_minutes', minutes: 90 },
      nextResponse: { kind: 'same_business_day', before: '16:00' },
      resolution: { kind: 'business_day_hours', hours: 48 },
      warningShare: 0.75,
      notifyAnytime: true,
    });
    expect(SlaPolicyBody.safeParse(body).success).toBe(true);
  });

  it('reads decimal commas, leaves empty fields to the server, and lets the schema refuse bad numbers', () => {
    const d = { ...emptyPolicy(), name: 'Night', warningPercent: '80' };
    d.targets.firstResponse.hours = '2,5';
    expect(policyBodyOf(d)).toMatchObject({ firstResponse: { kind: 'business_minutes', minutes: 150 }, nextResponse: null, warningShare: 0.8, calendarId: null, conditions: {} });
    expect(policyBodyOf(d)).not.toHaveProperty('position');
    d.warningPercent = '120';
    expect(SlaPolicyBody.safeParse(policyBodyOf(d)).success).toBe(false);
  });
});

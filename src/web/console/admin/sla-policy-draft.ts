import type { SlaPolicyBody, SlaPolicyDto, SlaTarget } from '../../../contracts/sla.js';

/** The kinds of target the form offers ("none": the policy sets no such target). */
export const TARGET_KINDS = ['none', 'business_minutes', 'same_business_day', 'business_day_hours'] as const;
/** A target kind of the form. */
export type TargetKind = (typeof TARGET_KINDS)[number];
/** The three targets of a policy. */
export const TARGET_NAMES = ['firstResponse', 'nextResponse', 'resolution'] as const;
/** A target's name. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** A target as the form edits it: business hours (decimal) or a cut-off time. */
export interface TargetDraft {
  kind: TargetKind;
  hours: string;
  before: string;
}

/** A policy as the form edits it (conditions it does not show are kept as they were). */
export interface PolicyDraft {
  name: string;
  position: string;
  active: boolean;
  isDefault: boolean;
  priorities: string[];
  channels: string[];
  tiers: string[];
  planCodes: string[];
  premium: 'any' | 'yes' | 'no';
  calendarId: string;
  targets: Record<TargetName, TargetDraft>;
  warningPercent: string;
  notifyAnytime: boolean;
  kept: SlaPolicyDto['conditions'];
}

const NO_TARGET: TargetDraft = { kind: 'none', hours: '', before: '16:00' };

function targetDraft(t: SlaTarget | null): TargetDraft {
  if (!t) return { ...NO_TARGET };
  if (t.kind === 'business_minutes') return { kind: t.kind, hours: String(Math.round((t.minutes / 60) * 100) / 100), before: NO_TARGET.before };
  if (t.kind === 'business_day_hours') return { kind: t.kind, hours: String(t.hours), before: NO_TARGET.before };
  return { kind: t.kind, hours: '', before: t.before };
}

/** A new policy: applies to everything, 4 business hours to first response. */
export function emptyPolicy(): PolicyDraft {
  return {
    name: '',
    position: '',
    active: true,
    isDefault: false,
    priorities: [],
    channels: [],
    tiers: [],
    planCodes: [],
    premium: 'any',
    calendarId: '',
    targets: { firstResponse: { kind: 'business_minutes', hours: '4', before: '16:00' }, nextResponse: { ...NO_TARGET }, resolution: { ...NO_TARGET } },
    warningPercent: '',
    notifyAnytime: false,
    kept: {},
  };
}

/** The form's copy of a stored policy. */
export function policyDraftOf(p: SlaPolicyDto): PolicyDraft {
  const { priorities, channels, tiers, planCodes, premium, ...kept } = p.conditions;
  return {
    name: p.name,
    position: String(p.position),
    active: p.active,
    isDefault: p.isDefault,
    priorities: priorities ?? [],
    channels: channels ?? [],
    tiers: tiers ?? [],
    planCodes: planCodes ?? [],
    premium: premium === undefined ? 'any' : premium ? 'yes' : 'no',
    calendarId: p.calendarId ?? '',
    targets: { firstResponse: targetDraft(p.firstResponse), nextResponse: targetDraft(p.nextResponse), resolution: targetDraft(p.resolution) },
    warningPercent: p.warningShare === null ? '' : String(Math.round(p.warningShare * 100)),
    notifyAnytime: p.notifyAnytime,
    kept,
  };
}

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

function targetOf(t: TargetDraft): SlaTarget | null {
  if (t.kind === 'none') return null;
  if (t.kind === 'same_business_day') return { kind: t.kind, before: t.before };
  if (t.kind === 'business_day_hours') return { kind: t.kind, hours: number(t.hours) };
  return { kind: t.kind, minutes: Math.round(number(t.hours) * 60) };
}

/** The API body (the server checks it and names any bad field). */
export function policyBodyOf(d: PolicyDraft): SlaPolicyBody {
  const list = <T extends string>(v: T[]) => (v.length > 0 ? v : undefined);
  const conditions = {
    ...d.kept,
    ...(list(d.priorities) ? { priorities: d.priorities } : {}),
    ...(list(d.channels) ? { channels: d.channels } : {}),
    ...(list(d.tiers) ? { tiers: d.tiers } : {}),
    ...(list(d.planCodes) ? { planCodes: d.planCodes } : {}),
    ...(d.premium === 'any' ? {} : { premium: d.premium === 'yes' }),
  } as SlaPolicyBody['conditions'];
  return {
    name: d.name,
    ...(d.position.trim() === '' ? {} : { position: number(d.position) }),
    active: d.active,
    isDefault: d.isDefault,
    conditions,
    calendarId: d.calendarId || null,
    firstResponse: targetOf(d.targets.firstResponse),
    nextResponse: targetOf(d.targets.nextResponse),
    resolution: targetOf(d.targets.resolution),
    warningShare: d.warningPercent.trim() === '' ? null : number(d.warningPercent) / 100,
    notifyAnytime: d.notifyAnytime,
  };
}

/** A toggled member of a list (checkbox groups). */
export function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
}

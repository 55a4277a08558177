import { z } from 'zod';
import { ESCALATE_JOB } from '../services/sla/apply-sla.js';
import { deliverSlaNotification, escalateSla, NOTIFY_JOB } from '../services/sla/escalate-sla.js';
import { defineJob } from './define-job.js';

const Target = z.enum(['firstResponse', 'nextResponse', 'resolution']);
const Payload = z.object({ ticketId: z.string(), target: Target, kind: z.enum(['warning', 'breach']), dueAt: z.string() });

/** An SLA timer: at a share of the target (warning) or at its due instant (breach). */
export const slaEscalateJob = defineJob({
  name: ESCALATE_JOB,
  payload: Payload,
  handler: async (deps, payload) => {
    await escalateSla(deps, payload);
  },
});

/** Makes an SLA warning or breach visible to the assignee or the team (in their working hours). */
export const slaNotifyJob = defineJob({
  name: NOTIFY_JOB,
  payload: Payload.extend({ userIds: z.array(z.string()).max(500) }),
  handler: async (deps, payload) => {
    await deliverSlaNotification(deps, payload);
  },
});

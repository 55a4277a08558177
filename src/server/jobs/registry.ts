import type { JobDefinition } from './define-job.js';
import { fairUseRecomputeJob, fairUseSweepJob } from './fair-use.job.js';
import { mailImapPollJob } from './mail-imap-poll.job.js';
import { mailPurgeJob } from './mail-purge.job.js';
import { mailTicketMessageJob } from './mail-ticket-message.job.js';
import { slaEscalateJob, slaNotifyJob } from './sla-escalate.job.js';
import { slaRebuildJob } from './sla-rebuild.job.js';

/**
 * Every job kind the worker knows. Append new definitions here; unknown names fail loudly.
 */
export const JOB_DEFINITIONS: JobDefinition<any>[] = [fairUseRecomputeJob, fairUseSweepJob, slaEscalateJob, slaNotifyJob, slaRebuildJob, mailTicketMessageJob, mailPurgeJob, mailImapPollJob];

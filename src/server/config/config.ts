import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const MiB = 1024 * 1024;

/**
 * Every setting Guichet reads from the environment, in one schema. This is the only module that
 * reads process.env; the composition root passes the parsed Config down.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite database)')
    .optional(),
  GUICHET_DATA_DIR: z.string().min(1).default('./data'),
  GUICHET_HOST: z.string().min(1).default('127.0.0.1'),
  GUICHET_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GUICHET_PUBLIC_URL: z.url().optional(),
  GUICHET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GUICHET_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(9 * MiB),
  GUICHET_ATTACHMENTS_PER_REQUEST: z.coerce.number().int().min(1).max(200).default(20),
  GUICHET_BLOB_STORE: z.enum(['fs', 'db']).default('fs'),
  GUICHET_TICKET_PREFIX: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'must be 1-10 capital letters or digits').default('GU'),
  GUICHET_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  GUICHET_SECURE_COOKIES: bool.default(false),
  GUICHET_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
  GUICHET_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  GUICHET_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  GUICHET_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  GUICHET_WORKER: bool.default(true),
  GUICHET_DEFAULT_TIME_ZONE: z.string().default('Europe/Paris'),
  GUICHET_SLA_WARNING_SHARE: z.coerce.number().gt(0, 'must be between 0 and 1 (e.g. 0.8)').lt(1, 'must be between 0 and 1 (e.g. 0.8)').default(0.8),
  GUICHET_CALLBACK_SLOT_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  GUICHET_CALLBACK_SLOT_CAPACITY: z.coerce.number().int().min(1).max(100).default(2),
  GUICHET_CALLBACK_WINDOW_MINUTES: z.coerce.number().int().min(15).max(7 * 24 * 60).default(240),
  GUICHET_CALLBACK_RESCHEDULE_MINUTES: z.coerce.number().int().min(15).max(60 * 24 * 60).default(2400),
  GUICHET_LANG: z.string().optional(),
  GUICHET_PAYMENT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LANG: z.string().optional(),
  // E-mail (mail area): outgoing SMTP, inbound SMTP receiver, IMAP polling, raw-mail retention.
  GUICHET_SMTP_HOST: z.string().min(1).optional(),
  GUICHET_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  GUICHET_SMTP_TLS: z.enum(['implicit', 'starttls', 'opportunistic', 'none']).default('starttls'),
  GUICHET_SMTP_USER: z.string().optional(),
  GUICHET_SMTP_PASSWORD: z.string().optional(),
  GUICHET_MAIL_FROM: z.string().min(3).optional(),
  GUICHET_MAIL_MAX_BYTES: z.coerce.number().int().min(64 * 1024).default(40 * MiB),
  GUICHET_MAIL_RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  GUICHET_MAIL_RECEIVER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  GUICHET_MAIL_RECEIVER_HOST: z.string().min(1).optional(),
  GUICHET_IMAP_HOST: z.string().min(1).optional(),
  GUICHET_IMAP_PORT: z.coerce.number().int().min(1).max(65535).default(993),
  GUICHET_IMAP_TLS: bool.default(true),
  GUICHET_IMAP_USER: z.string().optional(),
  GUICHET_IMAP_PASSWORD: z.string().optional(),
  GUICHET_IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  GUICHET_IMAP_POLL_SECONDS: z.coerce.number().int().min(5).default(60),
});

/** Parsed settings. */
export interface Config {
  /** PostgreSQL URL, or null for the embedded SQLite database under dataDir. */
  databaseUrl: string | null;
  /** Absolute data directory (SQLite file, attachments, raw mail). */
  dataDir: string;
  host: string;
  port: number;
  /** Base URL people reach Guichet at, used in links and e-mails. */
  publicUrl: string;
  logLevel: string;
  attachmentMaxBytes: number;
  attachmentsPerRequest: number;
  blobStore: 'fs' | 'db';
  ticketPrefix: string;
  sessionTtlHours: number;
  secureCookies: boolean;
  dbPoolSize: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  /** Whether `serve` also runs the job worker in-process. */
  worker: boolean;
  defaultTimeZone: string;
  /** Share of an SLA target after which agents are warned (policies may say otherwise). */
  slaWarningShare: number;
  /** Callback booking: slot length, seats per slot, business minutes a booking must fall in, and the horizon of a rescheduled call. */
  callbacks: { slotMinutes: number; capacity: number; windowMinutes: number; rescheduleMinutes: number };
  /** Language of command-line messages (GUICHET_LANG, else LANG, e.g. fr_FR.UTF-8). */
  cliLanguage: string;
  /** HMAC-SHA256 key of the payment provider's credit webhook; null disables the webhook. */
  paymentWebhookSecret: string | null;
  /** E-mail settings (mail area). */
  mail: MailConfig;
}

/** Outgoing and incoming e-mail. */
export interface MailConfig {
  /** Outgoing SMTP server; null: mail is not sent (jobs record "not configured"). */
  smtp: { host: string; port: number; tls: 'implicit' | 'starttls' | 'opportunistic' | 'none'; user: string | null; password: string | null } | null;
  /** From address of every mail Guichet sends (also the domain of our Message-IDs). */
  from: string;
  /** Largest inbound mail accepted, in bytes (the SMTP receiver refuses bigger ones). */
  maxBytes: number;
  /** Days the raw inbound and outbound mail is kept. */
  rawRetentionDays: number;
  /** Built-in SMTP receiver started by `serve`; null: off. */
  receiver: { host: string; port: number } | null;
  /** IMAP mailbox polled by a job; null: off. */
  imap: { host: string; port: number; tls: boolean; user: string; password: string; mailbox: string; pollSeconds: number } | null;
}

/** The host of a URL as a mail domain ("localhost" when it is an address or unusable). */
function mailDomainOf(url: string): string {
  try {
    const host = new URL(url).hostname;
    return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host) ? host : 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Thrown when settings are invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Command-line values that win over the environment. */
export type ConfigOverrides = Partial<Pick<Config, 'dataDir' | 'host' | 'port' | 'databaseUrl' | 'logLevel' | 'worker'>>;

/** Reads and validates settings; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  // An empty variable means "not set", as shells and CI files often write them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const host = overrides.host ?? e.GUICHET_HOST;
  const port = overrides.port ?? e.GUICHET_PORT;
  const config: Config = {
    databaseUrl: overrides.databaseUrl !== undefined ? overrides.databaseUrl : (e.DATABASE_URL ?? null),
    dataDir: path.resolve(overrides.dataDir ?? e.GUICHET_DATA_DIR),
    host,
    port,
    publicUrl: (e.GUICHET_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/$/, ''),
    logLevel: overrides.logLevel ?? e.GUICHET_LOG_LEVEL,
    attachmentMaxBytes: e.GUICHET_ATTACHMENT_MAX_BYTES,
    attachmentsPerRequest: e.GUICHET_ATTACHMENTS_PER_REQUEST,
    blobStore: e.GUICHET_BLOB_STORE,
    ticketPrefix: e.GUICHET_TICKET_PREFIX,
    sessionTtlHours: e.GUICHET_SESSION_TTL_HOURS,
    secureCookies: e.GUICHET_SECURE_COOKIES,
    dbPoolSize: e.GUICHET_DB_POOL_SIZE,
    loginMaxFailures: e.GUICHET_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.GUICHET_LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.GUICHET_LOGIN_RATE_PER_MINUTE,
    worker: overrides.worker ?? e.GUICHET_WORKER,
    defaultTimeZone: e.GUICHET_DEFAULT_TIME_ZONE,
    slaWarningShare: e.GUICHET_SLA_WARNING_SHARE,
    callbacks: {
      slotMinutes: e.GUICHET_CALLBACK_SLOT_MINUTES,
      capacity: e.GUICHET_CALLBACK_SLOT_CAPACITY,
      windowMinutes: e.GUICHET_CALLBACK_WINDOW_MINUTES,
      rescheduleMinutes: e.GUICHET_CALLBACK_RESCHEDULE_MINUTES,
    },
    cliLanguage: (e.GUICHET_LANG ?? e.LANG ?? 'en').slice(0, 2).toLowerCase(),
    paymentWebhookSecret: e.GUICHET_PAYMENT_WEBHOOK_SECRET ?? null,
    mail: {
      smtp: e.GUICHET_SMTP_HOST
        ? { host: e.GUICHET_SMTP_HOST, port: e.GUICHET_SMTP_PORT, tls: e.GUICHET_SMTP_TLS, user: e.GUICHET_SMTP_USER ?? null, password: e.GUICHET_SMTP_PASSWORD ?? null }
        : null,
      from: e.GUICHET_MAIL_FROM ?? `support@${mailDomainOf(e.GUICHET_PUBLIC_URL ?? `http://${host}`)}`,
      maxBytes: e.GUICHET_MAIL_MAX_BYTES,
      rawRetentionDays: e.GUICHET_MAIL_RAW_RETENTION_DAYS,
      receiver: e.GUICHET_MAIL_RECEIVER_PORT !== undefined ? { host: e.GUICHET_MAIL_RECEIVER_HOST ?? host, port: e.GUICHET_MAIL_RECEIVER_PORT } : null,
      imap:
        e.GUICHET_IMAP_HOST && e.GUICHET_IMAP_USER
          ? {
              host: e.GUICHET_IMAP_HOST,
              port: e.GUICHET_IMAP_PORT,
              tls: e.GUICHET_IMAP_TLS,
              user: e.GUICHET_IMAP_USER,
              password: e.GUICHET_IMAP_PASSWORD ?? '',
              mailbox: e.GUICHET_IMAP_MAILBOX,
              pollSeconds: e.GUICHET_IMAP_POLL_SECONDS,
            }
          : null,
    },
  };
  return config;
}

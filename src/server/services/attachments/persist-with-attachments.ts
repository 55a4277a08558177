import { createHash } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../db/schema.js';
import type { AttachmentsTable } from '../../db/tables/foundation.js';
import { AppError } from '../../errors/app-error.js';
import type { ServiceDeps } from '../deps.js';
import { cleanContentType, cleanFilename, type UploadedFile } from './uploaded-file.js';

/** A file about to be stored, with its id and blob key. */
export interface PlannedAttachment {
  id: string;
  key: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

/** Refuses the whole request when a file is over the limit or there are too many files. */
export function checkUploadLimits(deps: ServiceDeps, files: UploadedFile[]): void {
  if (files.length > deps.config.attachmentsPerRequest) {
    throw new AppError('too_many_attachments', { detailKey: 'too_many_attachments', params: { max: deps.config.attachmentsPerRequest } });
  }
  for (const f of files) {
    if (f.data.length > deps.config.attachmentMaxBytes) {
      throw new AppError('attachment_too_large', {
        detailKey: 'attachment_too_large',
        params: { filename: cleanFilename(f.filename), max: Math.floor(deps.config.attachmentMaxBytes / (1024 * 1024)) },
      });
    }
  }
}

/**
 * Stores the files and runs `work` in one transaction. Database blobs commit with the rows; file
 * blobs are written first and removed again if the transaction fails, so nothing is half-stored.
 */
export async function persistWithAttachments<T>(
  deps: ServiceDeps,
  files: UploadedFile[],
  work: (trx: Transaction<DB>, planned: PlannedAttachment[]) => Promise<T>,
): Promise<T> {
  checkUploadLimits(deps, files);
  const planned = files.map((f): PlannedAttachment => {
    const id = uuidv7();
    return {
      id,
      key: id.replaceAll('-', ''),
      filename: cleanFilename(f.filename),
      contentType: cleanContentType(f.contentType),
      size: f.data.length,
      sha256: createHash('sha256').update(f.data).digest('hex'),
      data: f.data,
    };
  });
  const early = deps.blobs.kind === 'fs';
  if (early) for (const p of planned) await deps.blobs.put(deps.db, p.key, p.data);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (!early) for (const p of planned) await deps.blobs.put(trx, p.key, p.data);
      return work(trx, planned);
    });
  } catch (e) {
    if (early) await Promise.all(planned.map((p) => deps.blobs.delete(deps.db, p.key)));
    throw e;
  }
}

/** Attachment rows for planned files on one message. */
export function attachmentRows(
  deps: ServiceDeps,
  planned: PlannedAttachment[],
  ticketId: string,
  messageId: string,
  createdAt: string,
): Insertable<AttachmentsTable>[] {
  return planned.map((p) => ({
    id: p.id,
    ticketId,
    messageId,
    filename: p.filename,
    contentType: p.contentType,
    size: p.size,
    sha256: p.sha256,
    storage: deps.blobs.kind,
    storageKey: p.key,
    createdAt,
  }));
}

import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.js';
import type { UploadedFile } from '../../services/attachments/uploaded-file.js';
import { cleanFilename } from '../../services/attachments/uploaded-file.js';

/**
 * preValidation hook for routes that take files: reads a multipart body into memory (each file
 * bounded by the attachment limit), puts the form fields in request.body for the route schema,
 * and the files in request.uploads. A file over the limit refuses the whole request, naming it.
 */
export function readMultipartUploads(maxBytes: number) {
  return async (request: FastifyRequest): Promise<void> => {
    request.uploads = [];
    if (!request.isMultipart()) return;
    const fields: Record<string, string> = {};
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        let data: Buffer;
        try {
          data = await part.toBuffer();
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('attachment_too_large', {
              detailKey: 'attachment_too_large',
              params: { filename: cleanFilename(part.filename), max: Math.floor(maxBytes / (1024 * 1024)) },
            });
          }
          throw e;
        }
        if (part.filename || data.length > 0) request.uploads.push({ filename: part.filename, contentType: part.mimetype, data } satisfies UploadedFile);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    request.body = fields;
  };
}

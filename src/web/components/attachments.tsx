import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AttachmentDto } from '../../contracts/tickets.js';
import { useFormats } from '../i18n/format.js';

type Attachment = z.infer<typeof AttachmentDto>;

const isImage = (a: Attachment) => /^image\/(png|jpeg|gif|webp)$/.test(a.contentType);
const isPdf = (a: Attachment) => a.contentType === 'application/pdf';

function PdfPreview({ file }: { file: Attachment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('web:attachments.hidePreview') : t('web:attachments.preview')}
      </button>
      {open ? <iframe className="attachment__pdf" src={file.url} title={t('web:attachments.pdfTitle', { name: file.filename })} /> : null}
    </>
  );
}

/** A message's files: images as thumbnails, PDFs with an inline preview on demand, others to download. */
export function AttachmentList({ files }: { files: Attachment[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (files.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('web:attachments.label', { count: files.length })}>
      {files.map((file) => (
        <li key={file.id} className={`attachment ${isPdf(file) ? 'attachment--wide' : ''}`}>
          {isImage(file) ? (
            <a href={file.url} target="_blank" rel="noopener" className="attachment__thumb">
              <img src={file.url} alt={t('web:attachments.imageAlt', { name: file.filename })} loading="lazy" />
            </a>
          ) : null}
          <div className="attachment__meta">
            <a href={`${file.url}?download=1`} className="attachment__name" download={file.filename}>
              {file.filename}
            </a>
            <span className="attachment__size">{f.bytes(file.size)}</span>
            {isPdf(file) ? <PdfPreview file={file} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSettings } from '../api/settings.js';
import { useFormats } from '../i18n/format.js';

/** Why a chosen file was not added. */
interface Refusal {
  name: string;
  key: 'tooLarge' | 'tooMany' | 'empty';
  size: number;
}

/**
 * Picks files to attach. The limits are told before anything is chosen; a file over the size
 * limit is refused on the spot with its name and size (the server checks again and answers 413).
 */
export function FilePicker({ files, onChange, disabled }: { files: File[]; onChange: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const f = useFormats();
  const settings = useClientSettings();
  const id = useId();
  const [refused, setRefused] = useState<Refusal[]>([]);
  const [dragging, setDragging] = useState(false);
  const maxBytes = settings?.attachmentMaxBytes ?? Infinity;
  const maxCount = settings?.attachmentsPerRequest ?? Infinity;

  const add = (chosen: File[]) => {
    const next = [...files];
    const refusals: Refusal[] = [];
    for (const file of chosen) {
      if (file.size > maxBytes) refusals.push({ name: file.name, key: 'tooLarge', size: file.size });
      else if (file.size === 0) refusals.push({ name: file.name, key: 'empty', size: 0 });
      else if (next.length >= maxCount) refusals.push({ name: file.name, key: 'tooMany', size: file.size });
      else next.push(file);
    }
    setRefused(refusals);
    onChange(next);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled) add([...e.dataTransfer.files]);
  };

  return (
    <div className={`files ${dragging ? 'files--drag' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <div className="files__pick">
        <label htmlFor={id} className="button button--secondary">
          {t('web:files.choose')}
        </label>
        <input
          id={id}
          type="file"
          multiple
          className="visually-hidden"
          disabled={disabled}
          aria-describedby={`${id}-limits`}
          onChange={(e) => {
            add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <span id={`${id}-limits`} className="hint">
          {settings ? t('web:files.limits', { count: settings.attachmentsPerRequest, size: f.bytes(settings.attachmentMaxBytes) }) : null}
        </span>
      </div>
      {refused.length > 0 ? (
        <ul role="alert" className="alert alert--error files__refused">
          {refused.map((r, i) => (
            <li key={`${r.name}-${i}`}>{t(`web:files.${r.key}`, { name: r.name, size: f.bytes(r.size), max: f.bytes(maxBytes), count: maxCount })}</li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className="files__list" aria-label={t('web:files.chosen')}>
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`} className="files__item">
              <span className="files__name">{file.name}</span>
              <span className="files__size">{f.bytes(file.size)}</span>
              <button
                type="button"
                className="button button--link"
                disabled={disabled}
                aria-label={t('web:files.remove', { name: file.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                {t('web:files.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

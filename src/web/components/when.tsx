import { useFormats } from '../i18n/format.js';

/** A moment, shown relative ("3 hours ago") or absolute, with the other form on hover and the ISO instant for machines. */
export function When({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const f = useFormats();
  return (
    <time dateTime={iso} title={relative ? f.dateTime(iso) : f.relative(iso)}>
      {relative ? f.relative(iso) : f.dateTime(iso)}
    </time>
  );
}

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMessageBody } from '../../contracts/tickets.js';
import { ApiError } from '../api/client.js';
import { useAddMessage } from '../api/tickets.js';
import { FilePicker } from './file-picker.js';
import { describedBy, zodFieldErrors } from './form.js';
import { ProblemAlert } from './problem-alert.js';

/** What the composer writes: a public reply, or (staff) an internal note. */
export type ComposerMode = 'reply' | 'note';

/** Props of the composer. */
export interface ComposerProps {
  ticketRef: string;
  /** Staff may switch to internal notes. */
  allowNote: boolean;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Called after the message was saved. */
  onSent?: () => void;
  /** Text to insert at the cursor (a canned reply, an article link); a new `seq` inserts again. */
  insert?: { text: string; seq: number } | undefined;
  /** Extra controls above the text (canned replies). */
  tools?: ReactNode;
}

/** Writes a reply or an internal note with attachments; Ctrl+Enter sends. */
export function Composer({ ticketRef, allowNote, mode, onModeChange, textareaRef, onSent, insert, tools }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const add = useAddMessage(ticketRef);
  const note = allowNote && mode === 'note';
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const area = textareaRef ?? ownRef;
  const caret = useRef<number | null>(null);
  useEffect(() => {
    if (!insert) return;
    const el = area.current;
    setBody((b) => {
      const at = el && document.activeElement === el ? el.selectionStart : b.length;
      const before = b.slice(0, at);
      const glue = before && !before.endsWith('\n') ? '\n' : '';
      caret.current = before.length + glue.length + insert.text.length;
      return `${before}${glue}${insert.text}${b.slice(at)}`;
    });
  }, [insert]);
  useEffect(() => {
    const el = area.current;
    if (caret.current === null || !el) return;
    el.focus();
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [body, area]);

  const submit = () => {
    setSent(false);
    const checked = CreateMessageBody.safeParse({ body });
    if (!checked.success) {
      setFieldError(zodFieldErrors(checked.error, t).body);
      return;
    }
    setFieldError(undefined);
    add.mutate(
      { body, internal: note, files, onProgress: files.length ? setProgress : undefined },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
          setSent(true);
          onSent?.();
        },
        onError: (e) => e instanceof ApiError && e.fields.body && setFieldError(t('web:validation.invalid')),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <form
      className={`composer ${note ? 'composer--note' : ''}`}
      aria-label={note ? t('web:composer.noteTitle') : t('web:composer.replyTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {allowNote ? (
        <div className="segmented" role="radiogroup" aria-label={t('web:composer.kind')}>
          {(['reply', 'note'] as const).map((m) => (
            <label key={m} className={`segmented__option ${mode === m ? 'segmented__option--on' : ''}`}>
              <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => onModeChange(m)} />
              {m === 'reply' ? t('web:composer.reply') : t('web:composer.note')}
            </label>
          ))}
        </div>
      ) : null}
      {tools}
      <label htmlFor={`${id}-body`} className={allowNote ? 'visually-hidden' : 'field__label'}>
        {note ? t('web:composer.noteLabel') : t('web:composer.replyLabel')}
      </label>
      {note ? (
        <p className="composer__note-hint" id={`${id}-hint`}>
          {t('web:composer.noteHint')}
        </p>
      ) : null}
      <textarea
        id={`${id}-body`}
        ref={area}
        className="input composer__text"
        rows={5}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        disabled={add.isPending}
        {...describedBy(`${id}`, { hint: note, error: fieldError })}
      />
      {fieldError ? (
        <div id={`${id}-error`} className="field__error">
          {fieldError}
        </div>
      ) : null}
      <FilePicker files={files} onChange={setFiles} disabled={add.isPending} />
      <ProblemAlert error={add.error} />
      <div className="composer__actions">
        {progress !== null ? <progress max={1} value={progress} aria-label={t('web:composer.uploading')} /> : null}
        {sent && !add.isPending ? (
          <span role="status" className="composer__sent">
            {note ? t('web:composer.noteSaved') : t('web:composer.sent')}
          </span>
        ) : null}
        <span className="hint">{t('web:composer.shortcut')}</span>
        <button type="submit" className={`button ${note ? 'button--note' : 'button--primary'}`} disabled={add.isPending}>
          {add.isPending ? t('web:composer.sending') : note ? t('web:composer.saveNote') : t('web:composer.send')}
        </button>
      </div>
    </form>
  );
}

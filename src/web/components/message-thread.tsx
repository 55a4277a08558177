import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../contracts/tickets.js';
import { AttachmentList } from './attachments.js';
import { When } from './when.js';

/** Whose eyes the thread is shown to: customers read "Support" where agents read names and notes. */
export type Audience = 'customer' | 'staff';

function Message({ m, audience }: { m: MessageDto; audience: Audience }) {
  const { t } = useTranslation();
  const who = m.kind === 'system' ? t('web:brand') : (m.author?.name ?? t('web:thread.unknownAuthor'));
  const role = m.kind === 'note' ? t('web:thread.note') : m.kind === 'reply' ? t('web:thread.support') : m.kind === 'customer' ? t('web:thread.customer') : null;
  const showChannel = m.channel !== 'web' && m.channel !== 'api';
  return (
    <li>
      <article className={`message message--${m.kind}`} aria-label={t('web:thread.messageLabel', { who, role: role ?? '' })}>
        <header className="message__head">
          <span className="message__author">{who}</span>
          {role ? <span className={`message__role message__role--${m.kind}`}>{role}</span> : null}
          {showChannel ? <span className="message__channel">{t('web:thread.via', { channel: t(`common:channel.${m.channel}`) })}</span> : null}
          <span className="message__time">
            <When iso={m.createdAt} />
          </span>
        </header>
        {m.internal && audience === 'staff' ? <p className="message__note-hint">{t('web:thread.noteHint')}</p> : null}
        {/* bodyHtml is built by the server: escaped plain text, or e-mail HTML through sanitize-html. */}
        <div className="message__body" dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
        <AttachmentList files={m.attachments} />
      </article>
    </li>
  );
}

/** A ticket's thread, oldest first. The server already left out what the audience may not see. */
export function MessageThread({ messages, audience }: { messages: MessageDto[]; audience: Audience }) {
  const { t } = useTranslation();
  return (
    <ol className="thread" aria-label={t('web:thread.label')}>
      {messages.map((m) => (
        <Message key={m.id} m={m} audience={audience} />
      ))}
    </ol>
  );
}

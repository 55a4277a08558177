import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a key press belongs to a text field (shortcuts never steal typing). */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Binds single-key shortcuts (e.g. { r: reply, n: note }) while the component is mounted.
 * Ignored while typing in a field, with Ctrl/Alt/Meta held, or when a dialog is open.
 */
export function useShortcuts(bindings: Record<string, () => void>): void {
  const current = useRef(bindings);
  current.current = bindings;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || typingIn(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const action = current.current[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The shortcuts, as the help dialog lists them. */
const GROUPS: Array<{ title: string; keys: Array<[string, string]> }> = [
  { title: 'lists', keys: [['j', 'console:shortcuts.action.next'], ['k', 'console:shortcuts.action.previous'], ['o', 'console:shortcuts.action.open']] },
  {
    title: 'ticket',
    keys: [
      ['r', 'console:shortcuts.action.reply'],
      ['n', 'console:shortcuts.action.note'],
      ['a', 'console:shortcuts.action.assignMe'],
      ['s', 'console2:shortcuts.state'],
      ['p', 'console2:shortcuts.pending'],
      ['u', 'console:shortcuts.action.back'],
    ],
  },
  { title: 'composer', keys: [['Ctrl+Enter', 'console:shortcuts.action.send'], ['Esc', 'console:shortcuts.action.leave']] },
  { title: 'everywhere', keys: [['Shift+N', 'console2:shortcuts.nextTicket'], ['?', 'console:shortcuts.action.help']] },
];

/** The "?" dialog listing every shortcut; a native modal dialog keeps focus inside and closes on Esc. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useShortcuts({ '?': () => dialog.current?.showModal() });
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" className="dialog__title">
        {t('console:shortcuts.title')}
      </h2>
      {GROUPS.map((g) => (
        <section key={g.title}>
          <h3 className="dialog__subtitle">{t(`console:shortcuts.group.${g.title}`)}</h3>
          <dl className="shortcuts">
            {g.keys.map(([key, action]) => (
              <div key={key} className="shortcuts__row">
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(action)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog" className="dialog__actions">
        <button type="submit" className="button button--primary" autoFocus>
          {t('web:close')}
        </button>
      </form>
    </dialog>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Role } from '../../../contracts/enums.js';
import type { UserDto } from '../../../contracts/users.js';
import { USER_PAGE, useUsers } from '../../api/users.js';
import { Page } from '../../components/page.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { EmptyState, Loading, Notice } from '../../components/status.js';
import { When } from '../../components/when.js';
import { UserForm } from './user-form.js';

/** Admin: the people of the desk, by name, with a form to add one. */
export function UsersPage() {
  const { t } = useTranslation();
  const roleId = useId();
  const [role, setRole] = useState<Role | undefined>();
  const [offset, setOffset] = useState(0);
  const [created, setCreated] = useState<UserDto | null>(null);
  const users = useUsers(role, offset);
  const rows = users.data ?? [];

  return (
    <Page title={t('console:users.title')} subtitle={t('console:users.intro')}>
      {created ? <Notice>{t('console:users.created', { name: created.name, email: created.email })}</Notice> : null}
      <UserForm onCreated={setCreated} onSubmit={() => setCreated(null)} />
      <div className="toolbar">
        <div className="toolbar__filter">
          <label htmlFor={roleId}>{t('console:users.roleFilter')}</label>
          <select
            id={roleId}
            className="input input--compact"
            value={role ?? ''}
            onChange={(e) => {
              setRole((e.target.value || undefined) as Role | undefined);
              setOffset(0);
            }}
          >
            <option value="">{t('console:users.allRoles')}</option>
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {t(`common:role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemAlert error={users.error} />
      {users.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('console:users.empty')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('console:users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console:users.field.name')}</th>
              <th scope="col">{t('console:users.field.email')}</th>
              <th scope="col">{t('console:users.field.role')}</th>
              <th scope="col">{t('console:users.field.organization')}</th>
              <th scope="col">{t('console:users.field.language')}</th>
              <th scope="col">{t('console:users.since')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td className="table__main" data-label={t('console:users.field.name')}>{u.name}</td>
                <td data-label={t('console:users.field.email')}>{u.email}</td>
                <td data-label={t('console:users.field.role')}>{t(`common:role.${u.role}`)}</td>
                <td data-label={t('console:users.field.organization')}>{u.organizationName ?? <span className="muted">—</span>}</td>
                <td data-label={t('console:users.field.language')}>{t(`web:languageName.${u.language}`)}</td>
                <td data-label={t('console:users.since')}>
                  <When iso={u.createdAt} relative />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - USER_PAGE))}>
          {t('web:list.previous')}
        </button>
        <button type="button" className="button button--secondary" disabled={rows.length < USER_PAGE} onClick={() => setOffset(offset + USER_PAGE)}>
          {t('web:list.next')}
        </button>
      </div>
    </Page>
  );
}

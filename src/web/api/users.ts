import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UserDto } from '../../contracts/users.js';
import type { Role } from '../../contracts/enums.js';
import { api } from './client.js';

/** Query keys of users. */
export const userKeys = {
  all: ['users'] as const,
  list: (role: Role | undefined, offset: number) => ['users', role ?? 'all', offset] as const,
};

/** How many users a page of the admin list shows. */
export const USER_PAGE = 50;

/** One page of users, by name (agents and admins only). */
export function useUsers(role: Role | undefined, offset = 0) {
  return useQuery({
    queryKey: userKeys.list(role, offset),
    queryFn: ({ signal }) => api<{ items: UserDto[] }>('GET', '/users', { query: { role, limit: USER_PAGE, offset }, signal }).then((r) => r.items),
  });
}

/** The people tickets can be assigned to: agents and admins (at most 200 of each, enough for one desk). */
export function useAssignees() {
  return useQuery({
    queryKey: ['users', 'assignees'],
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const [agents, admins] = await Promise.all(
        (['agent', 'admin'] as const).map((role) => api<{ items: UserDto[] }>('GET', '/users', { query: { role, limit: 200 }, signal })),
      );
      return [...agents!.items, ...admins!.items].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

/** Creates a user (admins). */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api<UserDto>('POST', '/users', { json: body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

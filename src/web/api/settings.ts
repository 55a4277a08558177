import { useQuery } from '@tanstack/react-query';
import type { ClientSettings } from '../../contracts/settings.js';
import { api } from './client.js';

/** Limits the web app explains before an upload (attachment size and count). */
export function useClientSettings(): ClientSettings | undefined {
  return useQuery({ queryKey: ['client-settings'], queryFn: () => api<ClientSettings>('GET', '/client-settings'), staleTime: Infinity }).data;
}

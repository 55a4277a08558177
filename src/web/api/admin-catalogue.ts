import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ContractDto, LicenceDto, PlanDto, ProductDto } from '../../contracts/entitlements.js';
import type { OrganizationDto } from '../../contracts/organizations.js';
import { api } from './client.js';

/** Query keys of the admin catalogue (organizations, products, plans, licences, contracts). */
export const catalogueKeys = {
  organizations: ['organizations'] as const,
  products: ['products'] as const,
  plans: ['plans'] as const,
  licences: ['licences'] as const,
  contracts: ['contracts'] as const,
};

const list = <T,>(key: QueryKey, path: string) => ({
  queryKey: key,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<{ items: T[] }>('GET', path, { query: { limit: 500 }, signal }).then((r) => r.items),
});

/** Organizations by name, with member counts. */
export const useOrganizations = () => useQuery(list<OrganizationDto>(catalogueKeys.organizations, '/organizations'));
/** Products with their versions. */
export const useProducts = () => useQuery(list<ProductDto>(catalogueKeys.products, '/products'));
/** Every plan. */
export const useCataloguePlans = () => useQuery(list<PlanDto>(catalogueKeys.plans, '/plans'));
/** Licences (the first 500). */
export const useLicences = () => useQuery(list<LicenceDto>(catalogueKeys.licences, '/licences'));
/** Contracts (the first 500). */
export const useContracts = () => useQuery(list<ContractDto>(catalogueKeys.contracts, '/contracts'));

/** A write to the catalogue that refreshes the lists it touches. */
export function useCatalogueWrite<TBody, TResult = unknown>(method: 'POST' | 'PATCH' | 'DELETE', path: (body: TBody) => string, touches: QueryKey[], json: (body: TBody) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TResult>(method, path(body), method === 'DELETE' ? {} : { json: json(body) }),
    onSuccess: () => {
      for (const key of touches) void qc.invalidateQueries({ queryKey: key });
    },
  });
}

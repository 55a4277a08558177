import { useQuery } from '@tanstack/react-query';
import type { ReportDto, ReportName } from '../../contracts/reports.js';
import { api, apiUrl } from './client.js';

/** What every report is asked with (UTC days, both included). */
export interface ReportParams {
  from: string;
  to: string;
  groupBy: 'day' | 'week' | 'month';
}

/** Query keys of reports (under "reports"; ticket changes do not refetch them: they are snapshots). */
export const reportKeys = {
  all: ['reports'] as const,
  one: (name: ReportName, p: ReportParams) => ['reports', name, p.from, p.to, p.groupBy] as const,
};

/** One report as JSON (agents and admins). */
export function useReport<N extends ReportName>(name: N, params: ReportParams, enabled = true) {
  return useQuery({
    queryKey: reportKeys.one(name, params),
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => api<Extract<ReportDto, { report: N }>>('GET', `/reports/${name}`, { query: { ...params }, signal }),
  });
}

/** The CSV download address of a report (same-origin GET: the session cookie signs it in). */
export function reportCsvUrl(name: ReportName, params: ReportParams): string {
  return apiUrl(`/reports/${name}`, { ...params, format: 'csv' });
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_CSV_COLUMNS, ReportDto, ReportParams, ReportQuery } from '../../../../contracts/reports.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { reportCsv, runReport } from '../../../services/reports/run-report.js';
import { requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

const csvDoc = Object.entries(REPORT_CSV_COLUMNS)
  .map(([name, cols]) => `${name}: ${cols.join(',')}`)
  .join('; ');

/** Managers' reports, as JSON or CSV. */
export function reportRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/reports/:name', {
      schema: {
        tags: ['reports'],
        summary: 'A report: first-response, sla, backlog, volume, deflection or reopens (agents and admins)',
        description: `Periods are UTC days, both ends included (at most 366). format=csv answers text/csv (RFC 4180, UTF-8 without BOM) with stable English column keys — ${csvDoc}.`,
        params: ReportParams,
        querystring: ReportQuery,
        response: { 200: z.union([ReportDto, z.string().describe('text/csv with format=csv')]).describe('The report, or its CSV'), ...problems(400, 401, 403) },
      },
      handler: async (request, reply) => {
        const { format, ...query } = request.query;
        const report = await runReport(deps, { ...query, name: request.params.name, actor: requireActor(request) });
        if (format === 'json') return report;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="guichet-${report.report}-${report.from}-${report.to}.csv"`)
          .header('cache-control', 'private, no-store')
          .send(reportCsv(report));
      },
    });
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarBody, CalendarDefinition, CalendarDraftPreviewBody, CalendarDraftPreviewDto, CalendarDto, CalendarDueQuery, GroupCalendarBody, HolidayPlaceDto, IdParams, SpecialDayDto } from '../../../../contracts/sla.js';
import { specialDays } from '../../../../domain/sla/days-off.js';
import { holidayCountries, holidayRegions } from '../../../../domain/sla/holiday-places.js';
import { Language } from '../../../../contracts/enums.js';
import { listCalendars } from '../../../repositories/calendars.repository.js';
import type { ServiceDeps } from '../../../services/deps.js';
import {
  createCalendar,
  deleteCalendar,
  exportCalendar,
  importCalendar,
  importIcsExceptions,
  loadCalendar,
  setGroupCalendar,
  updateCalendar,
} from '../../../services/sla/manage-calendars.js';
import { previewCalendarDraft } from '../../../services/sla/calendar-draft-preview.js';
import { calendarDue } from '../../../services/sla/sla-preview.js';
import { compileCalendarRow } from '../../../services/sla/sla-setup.js';
import type { CalendarRow } from '../../../repositories/calendars.repository.js';
import { requestLanguage, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

const tags = ['calendars'];

function present(row: CalendarRow): CalendarDto {
  return { ...exportCalendar(row), id: row.id, isDefault: Boolean(row.isDefault), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** Business calendars (admins): CRUD, JSON import/export, .ics exceptions, holidays, due-date preview, teams' calendars. */
export function calendarRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(['text/calendar', 'text/plain'], { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    app.get('/calendars', {
      schema: { tags, summary: 'List calendars (admins and agents)', response: { 200: z.object({ items: z.array(CalendarDto) }), ...problems(401, 403) } },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { items: (await listCalendars(deps.db)).map(present) };
      },
    });

    app.post('/calendars', {
      schema: { tags, summary: 'Create a calendar', body: CalendarBody, response: { 201: CalendarDto, ...problems(400, 401, 403, 409) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        return reply.status(201).send(present(await createCalendar(deps, request.body)));
      },
    });

    app.post('/calendars/import', {
      schema: { tags, summary: 'Create or replace the calendar of that name (exchange shape)', body: CalendarDefinition, response: { 200: CalendarDto, 201: CalendarDto, ...problems(400, 401, 403) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        const r = await importCalendar(deps, request.body);
        return reply.status(r.created ? 201 : 200).send(present(r.calendar));
      },
    });

    app.post('/calendars/preview', {
      schema: {
        tags,
        summary: 'If a ticket came now, when would it be due? — on a calendar being edited, before it is saved (per priority)',
        body: CalendarDraftPreviewBody,
        response: { 200: CalendarDraftPreviewDto, ...problems(400, 401, 403) },
      },
      handler: async (request) => {
        requireRole(request, 'admin');
        return previewCalendarDraft(deps, request.body);
      },
    });

    app.get('/holiday-countries', {
      schema: {
        tags,
        summary: 'Countries whose public holidays a calendar can follow, named in the language (the caller’s when absent)',
        querystring: z.object({ lang: Language.optional() }),
        response: { 200: z.object({ items: z.array(HolidayPlaceDto) }), ...problems(400, 401, 403) },
      },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { items: holidayCountries(request.query.lang ?? requestLanguage(request)) };
      },
    });

    app.get('/holiday-countries/:country/regions', {
      schema: {
        tags,
        summary: 'Regions of a country with holidays of their own (empty when none)',
        params: z.object({ country: z.string().regex(/^[A-Z]{2}$/) }),
        querystring: z.object({ lang: Language.optional() }),
        response: { 200: z.object({ items: z.array(HolidayPlaceDto) }), ...problems(400, 401, 403) },
      },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { items: holidayRegions(request.params.country, request.query.lang ?? requestLanguage(request)) };
      },
    });

    app.get('/calendars/:id', {
      schema: { tags, summary: 'One calendar', params: IdParams, response: { 200: CalendarDto, ...problems(401, 403, 404) } },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return present(await loadCalendar(deps.db, request.params.id));
      },
    });

    app.get('/calendars/:id/export', {
      schema: { tags, summary: 'The calendar in its exchange shape (as `guichet calendar export`)', params: IdParams, response: { 200: CalendarDefinition, ...problems(401, 403, 404) } },
      handler: async (request) => {
        requireRole(request, 'admin');
        return exportCalendar(await loadCalendar(deps.db, request.params.id));
      },
    });

    app.put('/calendars/:id', {
      schema: { tags, summary: 'Replace a calendar (active tickets are recomputed, customers told)', params: IdParams, body: CalendarBody, response: { 200: CalendarDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request) => {
        requireRole(request, 'admin');
        return present(await updateCalendar(deps, request.params.id, request.body));
      },
    });

    app.delete('/calendars/:id', {
      schema: { tags, summary: 'Delete a calendar nothing uses', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404, 409) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        await deleteCalendar(deps, request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/calendars/:id/exceptions/ics', {
      schema: {
        tags,
        summary: 'Add exceptions from an iCalendar file (all-day events: days off; timed events: that day’s hours)',
        consumes: ['text/calendar'],
        params: IdParams,
        body: z.string().max(2 * 1024 * 1024),
        response: { 200: z.object({ added: z.number().int(), calendar: CalendarDto }), ...problems(400, 401, 403, 404, 415) },
      },
      handler: async (request) => {
        requireRole(request, 'admin');
        const r = await importIcsExceptions(deps, request.params.id, request.body);
        return { added: r.added, calendar: present(r.calendar) };
      },
    });

    app.get('/calendars/:id/holidays', {
      schema: {
        tags,
        summary: 'Days off (and days with their own hours) of a year',
        params: IdParams,
        querystring: z.object({ year: z.coerce.number().int().min(1970).max(2200) }),
        response: { 200: z.object({ items: z.array(SpecialDayDto) }), ...problems(400, 401, 403, 404) },
      },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { items: specialDays(compileCalendarRow(await loadCalendar(deps.db, request.params.id)), request.query.year) };
      },
    });

    app.get('/calendars/:id/due', {
      schema: {
        tags,
        summary: 'Preview: when is a target due on this calendar (as `guichet sla due`)',
        params: IdParams,
        querystring: CalendarDueQuery,
        response: { 200: z.object({ dueAt: z.string().nullable() }), ...problems(400, 401, 403, 404) },
      },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { dueAt: calendarDue(compileCalendarRow(await loadCalendar(deps.db, request.params.id)), request.query, deps.clock.now()) };
      },
    });

    app.put('/groups/:id/calendar', {
      schema: { tags, summary: "Set a team's calendar (null: the default calendar)", params: IdParams, body: GroupCalendarBody, response: { 204: z.null(), ...problems(400, 401, 403, 404, 422) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        await setGroupCalendar(deps, request.params.id, request.body.calendarId);
        return reply.status(204).send(null);
      },
    });
  };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarDefinition, CalendarDraftPreviewDto, CalendarDto, HolidayPlaceDto } from '../../contracts/sla.js';
import { api } from './client.js';

/** A country or region of the holiday picker. */
export type HolidayPlace = z.infer<typeof HolidayPlaceDto>;

/** Query keys of calendars (admin). */
export const calendarKeys = {
  all: ['calendars'] as const,
  list: () => ['calendars', 'list'] as const,
  one: (id: string) => ['calendars', 'one', id] as const,
  preview: (id: string | null, draft: CalendarDefinition) => ['calendars', 'preview', id, JSON.stringify(draft)] as const,
};

/** Every calendar. */
export function useCalendars() {
  return useQuery({
    queryKey: calendarKeys.list(),
    queryFn: ({ signal }) => api<{ items: CalendarDto[] }>('GET', '/calendars', { signal }).then((r) => r.items),
  });
}

/** One calendar (disabled for a new one). */
export function useCalendar(id: string | null) {
  return useQuery({
    queryKey: calendarKeys.one(id ?? 'new'),
    enabled: id !== null,
    queryFn: ({ signal }) => api<CalendarDto>('GET', `/calendars/${encodeURIComponent(id!)}`, { signal }),
  });
}

/** Creates (no id) or replaces a calendar. */
export function useSaveCalendar(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarDefinition & { isDefault: boolean }) =>
      id ? api<CalendarDto>('PUT', `/calendars/${encodeURIComponent(id)}`, { json: body }) : api<CalendarDto>('POST', '/calendars', { json: body }),
    onSuccess: (saved) => {
      qc.setQueryData(calendarKeys.one(saved.id), saved);
      void qc.invalidateQueries({ queryKey: calendarKeys.list() });
    },
  });
}

/** "If a ticket came now, when would it be due?" on the unsaved draft (refreshed every minute: "now" moves). */
export function useCalendarPreview(id: string | null, draft: CalendarDefinition | null) {
  return useQuery({
    queryKey: draft ? calendarKeys.preview(id, draft) : ['calendars', 'preview', 'none'],
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    retry: false,
    queryFn: ({ signal }) => api<CalendarDraftPreviewDto>('POST', '/calendars/preview', { json: { calendarId: id, calendar: draft }, signal }),
  });
}

/** Countries whose holidays a calendar can follow, named in the language. */
export function useHolidayCountries(lang: string) {
  return useQuery({
    queryKey: ['holiday-countries', lang],
    staleTime: Infinity,
    queryFn: ({ signal }) => api<{ items: HolidayPlace[] }>('GET', '/holiday-countries', { query: { lang }, signal }).then((r) => r.items),
  });
}

/** Regions of a country with holidays of their own. */
export function useHolidayRegions(country: string | null, lang: string) {
  return useQuery({
    queryKey: ['holiday-countries', lang, country],
    enabled: country !== null,
    staleTime: Infinity,
    queryFn: ({ signal }) => api<{ items: HolidayPlace[] }>('GET', `/holiday-countries/${encodeURIComponent(country!)}/regions`, { query: { lang }, signal }).then((r) => r.items),
  });
}

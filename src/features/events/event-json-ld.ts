// schema.org Event for an event page, so search engines show its date, place and status.
import { isoInZone, type Event } from './event.js';

const STATUS = {
  published: 'https://schema.org/EventScheduled',
  draft: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

/** The JSON-LD object of an event; startDate is left out while the time is to be announced. */
export function eventJsonLd(
  e: Event,
  site: { title: string; baseUrl: string; base?: string },
  offer?: { availability: string; validFrom?: string },
): Record<string, unknown> {
  const url = `${site.baseUrl}${site.base ?? ''}/events/${e.slug}`;
  const v = e.venue;
  const hasPlace = Boolean(v.name || v.address || v.city || v.country);
  const place = hasPlace
    ? {
        '@type': 'Place',
        ...(v.name ? { name: v.name } : {}),
        address: {
          '@type': 'PostalAddress',
          ...(v.address ? { streetAddress: v.address } : {}),
          ...(v.city ? { addressLocality: v.city } : {}),
          ...(v.country ? { addressCountry: v.country } : {}),
        },
        ...(v.lat !== null && v.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: v.lat, longitude: v.lon } } : {}),
      }
    : undefined;
  const virtual = e.onlineUrl ? { '@type': 'VirtualLocation', url: e.onlineUrl } : undefined;
  const mode = virtual ? (place ? 'MixedEventAttendanceMode' : 'OnlineEventAttendanceMode') : 'OfflineEventAttendanceMode';
  const location = place && virtual ? [place, virtual] : (place ?? virtual);
  const start = isoInZone(e.start, e.timezone);
  const end = isoInZone(e.end, e.timezone);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    ...(e.summary ? { description: e.summary } : {}),
    ...(start ? { startDate: start } : {}),
    ...(start && end ? { endDate: end } : {}),
    eventStatus: STATUS[e.status],
    eventAttendanceMode: `https://schema.org/${mode}`,
    ...(location ? { location } : {}),
    organizer: { '@type': 'Organization', name: site.title, url: site.baseUrl },
    inLanguage: e.language,
    url,
    // Registration is free; availability says whether places are left.
    ...(offer
      ? {
          isAccessibleForFree: true,
          offers: {
            '@type': 'Offer',
            url: `${url}#register`,
            price: 0,
            priceCurrency: 'EUR',
            availability: offer.availability,
            ...(offer.validFrom ? { validFrom: offer.validFrom } : {}),
          },
        }
      : {}),
  };
}

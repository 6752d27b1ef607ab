/**
 * The deadlines as an iCalendar file (RFC 5545) a biller imports into a calendar: one all-day
 * VEVENT on each due date. A calendar is shared and synced to phones, so an event names only the
 * kind of deadline and the claim id: no patient, payer or note text.
 */
import { createHash } from 'node:crypto';
import { addDays, format, parseISO } from 'date-fns';
import type { DeadlineItem, DeadlineList } from './list';

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/**
 * Content lines longer than 75 octets are folded (RFC 5545 3.1): CRLF then a space, never inside
 * a UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // Continuation lines start with a space, which counts towards their 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function uid(i: DeadlineItem): string {
  const key = `${i.id}\0${i.kind}\0${i.claimId}\0${i.noticeDate ?? ''}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

const icsDate = (iso: string) => iso.replace(/-/g, '');

function eventSummary(i: DeadlineItem): string {
  return `${i.answered ? 'Answered: ' : ''}${i.label} due: claim ${i.claimId}`;
}

export function formatDeadlinesIcs(list: DeadlineList, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ChartReady//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const i of list.items) {
    if (!i.due) continue;
    const end = format(addDays(parseISO(i.due), 1), 'yyyy-MM-dd');
    lines.push(
      'BEGIN:VEVENT',
      // Stable per deadline (not per due date), so importing a newer file updates the event.
      `UID:${uid(i)}@chartready.local`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(i.due)}`,
      `DTEND;VALUE=DATE:${icsDate(end)}`,
      `SUMMARY:${escapeIcsText(eventSummary(i))}`,
      `DESCRIPTION:${escapeIcsText(`${i.kind} deadline for claim ${i.claimId}`)}`,
      // Same UID, so a calendar that imported the open deadline cancels it once it is answered.
      `STATUS:${i.answered ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

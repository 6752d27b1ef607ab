import type { IsoDate } from '../../../shared/model';
import { usDate } from '../packet/format';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export const money = (n: number): string => USD.format(n);

export const percent = (n: number | null): string =>
  n === null ? 'n/a' : `${(Math.round(n * 1000) / 10).toFixed(1)}%`;

export function periodText(p: { first: IsoDate | null; last: IsoDate | null }): string {
  return p.first && p.last ? `${usDate(p.first)} - ${usDate(p.last)}` : 'no billed dates';
}

import type { TaxCalculationRecord } from '../domain/quote-acceptance.ts';
import { getRecord, putRecordOnce } from './payments-table.ts';

/** The tax calculations this service issued, so only its own quotes are accepted back. */
export const taxCalculations = {
  find: (id: string) => getRecord<TaxCalculationRecord>(`taxcalc#${id}`),
  save: (record: TaxCalculationRecord) =>
    putRecordOnce(`taxcalc#${record.taxCalculationId}`, record),
};

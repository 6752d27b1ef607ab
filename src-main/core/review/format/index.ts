export { formatCsv, csvChunks, CSV_HEADER } from './csv';
export { csvCell } from '../../../../shared/csv';
export { formatJson, jsonChunks } from './json';
export { formatText, textChunks, type TextOptions } from './text';
export {
  countFindings,
  countVisits,
  makeReport,
  reviewReportSchema,
  reviewedEpisodeSchema,
  findingSchema,
  toReviewedEpisode,
  type ReviewReport,
  type ReviewedEpisode,
} from './report';

export { formatCsv, csvCell, CSV_HEADER } from './csv';
export { formatJson } from './json';
export { formatText, type TextOptions } from './text';
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

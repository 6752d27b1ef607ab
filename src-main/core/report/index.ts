export { buildClientReport, ReportError, type ClientReport } from './data';
export { clientReportPdf } from './pdf';
export { clientReportXlsx } from './xlsx';

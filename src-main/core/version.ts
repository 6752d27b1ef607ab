/** The ChartReady version, recorded in audit-log entries and shown by the app. */
export const APP_VERSION = '0.1.0';

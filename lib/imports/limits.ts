/**
 * The largest file an import reads (console exports, plan templates): consoles' exports weigh a few megabytes (a
 * year of daily rows for 100 campaigns: ~5 MB); past this a file is refused by its size before it is read, so a
 * wrong file cannot stall the panel.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * The size limits a scenario file keeps, in one place, so that what can be
 * imported can be saved and what is saved can be opened again: a file is
 * at most MAX_SCENARIO_FILE_BYTES of UTF-8 (the hosts check the file's size
 * on open and the text's bytes on save; the web host's request limit is set
 * from it), and an incident log at most MAX_INCIDENTS_PER_LOG incidents
 * (checked when a log is read for import and when a file is opened).
 */
/** Largest scenario file, bytes of UTF-8 (50 MB). */
export declare const MAX_SCENARIO_FILE_BYTES: number;
/**
 * Most incidents in one log. About 250 bytes each in a file, so a log this
 * long fits a file with room for the model (and a few such logs do not: an
 * import checks the file's size as well).
 */
export declare const MAX_INCIDENTS_PER_LOG = 100000;
/** Bytes of `text` in UTF-8, without encoding it (a lone surrogate counts as the 3 bytes of its replacement). */
export declare function utf8Length(text: string): number;
/** "12.3 MB" (MB of 1024 x 1024 bytes, as the limit is said). */
export declare function megabytes(bytes: number): string;

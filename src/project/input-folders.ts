/** The folders of a project a build reads (besides the files at its top, and logos). */
export const INPUT_FOLDERS: readonly string[] = ['briefings', 'translations', 'countries', 'templates', 'versions'];

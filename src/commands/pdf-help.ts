import { typesInWords } from '../content-types/index.js';

/** `briefkit pdf --help`. */
export const PDF_HELP = `briefkit pdf: print the PDFs only, into the existing site

Usage:
  briefkit pdf [--lang L] [--only SLUG] [--shard I/N] [--country C | --all-countries] [--root DIR] [--out DIR] [--quiet] [--no-cache]

  --lang L     Only this language's PDFs
  --only SLUG  Only this page's PDFs (${typesInWords('printed', 'a')})
  --shard I/N  Only the I-th of N shares of the PDFs, e.g. 2/4: N machines, each with
               its own I, print them all between them (balanced by length; the same
               share on every machine), for a CI matrix
  --no-cache   Print every PDF anew, even those whose documents did not change

The pages' "Download PDF" links show sizes from the last full build.`;

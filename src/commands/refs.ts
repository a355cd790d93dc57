import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { locate } from '../project/locate.js';
import { formatReport } from '../report.js';
import { appendReference, BIBLIOGRAPHY, findEntry, readBibliography } from '../references/append-reference.js';
import type { KnownEntry } from '../references/append-reference.js';
import { KEY_PATTERN } from '../references/citation-key.js';
import { isoDay } from '../references/csl-item.js';
import type { UnkeyedItem } from '../references/csl-item.js';
import { describeReference } from '../references/describe-reference.js';
import { crossrefAddress, fetchCrossref, fromCrossref } from '../references/fetch/crossref.js';
import { CACHE_DIR } from '../references/fetch/fetch-cached.js';
import type { Answer } from '../references/fetch/fetch-cached.js';
import { fetchPubmed, fromPubmed, pubmedAddress } from '../references/fetch/pubmed.js';
import { fetchWebPage, fromWebPage } from '../references/fetch/web-page.js';
import { parseIdentifier } from '../references/identifier.js';
import type { Identifier } from '../references/identifier.js';
import type { CommandIo } from './io.js';

export const REFS_HELP = `briefkit refs: the bibliography, ${BIBLIOGRAPHY}

Usage:
  briefkit refs add <doi | pmid:N | url>… [--key KEY] [--offline] [--root DIR]

  doi         10.1111/add.13265, doi:10.1111/add.13265 or https://doi.org/10.1111/add.13265
              (details from Crossref)
  pmid:N      A PubMed ID, pmid:28027483, or its page https://pubmed.ncbi.nlm.nih.gov/28027483/
              (details from PubMed)
  url         Any other web page: the details in its citation meta tags, else its title
              (a page that names its DOI gets the DOI's Crossref record)
  --key KEY   The citation key, with one identifier only: letters, digits and - _ : .
              (by default the first author's family name and the year: bird2016, bird2016a…)
  --offline   Use only the answers kept in ${CACHE_DIR}/, never the internet
  --root DIR  The project folder (default: the current folder)

Fetches each reference's details and appends it to ${BIBLIOGRAPHY} as a CSL-JSON
entry, after a comment naming its source; the rest of the file stays as it is. A reference
the file already has (same DOI, PMID or web address) is skipped. Every answer is kept in
${CACHE_DIR}/, so refs add needs the internet once per reference; builds never go
online. Cite an entry in a page as [@bird2016].`;

/** `briefkit refs …`: returns the exit code. */
export async function runRefs(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { root: { type: 'string' }, key: { type: 'string' }, offline: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${REFS_HELP}\n`);
    return 0;
  }
  const [subcommand, ...identifiers] = positionals;
  if (subcommand !== 'add' || identifiers.length === 0) {
    const problem =
      subcommand === undefined
        ? 'say what to do: refs add <doi | pmid:N | url>…'
        : subcommand !== 'add'
          ? `no subcommand "${subcommand}"`
          : 'give at least one DOI, PubMed ID or web address';
    io.stderr.write(`briefkit refs: ${problem}\n\n${REFS_HELP}\n`);
    return 2;
  }
  if (values.key !== undefined && identifiers.length !== 1) {
    io.stderr.write(`briefkit refs add: --key names one reference; give one identifier with it, not ${identifiers.length}\n`);
    return 2;
  }
  if (values.key !== undefined && !KEY_PATTERN.test(values.key)) {
    io.stderr.write(
      `briefkit refs add: --key "${values.key}" cannot be a citation key: use letters, digits and - _ : . starting with a letter or digit, e.g. bird2016\n`,
    );
    return 2;
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const briefings = await locate(root, join(root, 'briefings')).catch(() => undefined);
  if (briefings?.kind === 'refused') {
    io.stderr.write(`briefkit refs add: ${briefings.refusal.reason}. ${briefings.refusal.hint}\n`);
    return 1;
  }
  if (briefings?.kind !== 'folder') {
    io.stderr.write(`briefkit refs add: ${root} has no briefings/ folder. Run refs add in your project's folder, or give it with --root DIR.\n`);
    return 1;
  }
  const bibliography = await readBibliography(root);
  if (!bibliography.ok) {
    io.stderr.write(
      'file' in bibliography
        ? `${formatReport([bibliography.file], { cwd: root, color: io.color })}\nbriefkit refs add: fix ${BIBLIOGRAPHY} first; nothing was fetched or added.\n`
        : `briefkit refs add: ${bibliography.problem}\n`,
    );
    return 1;
  }
  const run: Run = { root, io, offline: values.offline === true, key: values.key, entries: [...bibliography.entries], added: [], day: isoDay() };
  let failed = false;
  for (const argument of identifiers) {
    const identifier = parseIdentifier(argument);
    if (identifier.kind === 'bad') {
      io.stderr.write(`${identifier.shown}: ${identifier.problem}.\n`);
      failed = true;
      continue;
    }
    if (!(await addOne(identifier, run))) failed = true;
  }
  if (run.added.length > 0) {
    const count = run.added.length === 1 ? '1 reference' : `${run.added.length} references`;
    io.stdout.write(`${count} added to ${BIBLIOGRAPHY}. Cite in a page as ${run.added.map((key) => `[@${key}]`).join(', ')}.\n`);
  }
  return failed ? 1 : 0;
}

/** What one run of refs add knows and has done. */
interface Run {
  readonly root: string;
  readonly io: CommandIo;
  readonly offline: boolean;
  readonly key: string | undefined;
  /** The bibliography's entries, with those added by this run. */
  readonly entries: KnownEntry[];
  /** Keys added by this run. */
  readonly added: string[];
  /** Today, YYYY-MM-DD, for the source comment. */
  readonly day: string;
}

/** Where an item came from, for the comment above it. */
interface Found {
  readonly item: UnkeyedItem;
  readonly source: string;
}

/** Fetch one reference and append it; false if it could not be (said on stderr). */
async function addOne(identifier: Identifier, run: Run): Promise<boolean> {
  const { io } = run;
  const already = findEntry(
    run.entries,
    identifier.kind === 'doi' ? { doi: identifier.doi } : identifier.kind === 'pmid' ? { pmid: identifier.pmid } : { url: identifier.url },
  );
  if (already) {
    io.stdout.write(`${identifier.shown}: already in ${BIBLIOGRAPHY} as @${already.id ?? '(no id)'}\n`);
    return true;
  }
  const found =
    identifier.kind === 'doi'
      ? await fromDoi(identifier.doi, identifier.shown, run)
      : identifier.kind === 'pmid'
        ? await fromPmid(identifier.pmid, identifier.shown, run)
        : await fromUrl(identifier.url, identifier.shown, run);
  if (found === undefined) return false;
  if (found === 'already') return true;
  const outcome = await appendReference(run.root, found.item, { key: run.key, comment: `${found.source} (briefkit refs add, ${run.day})` });
  switch (outcome.kind) {
    case 'added':
      run.entries.push({ id: outcome.item.id, doi: outcome.item.DOI?.toLowerCase(), pmid: outcome.item.PMID, url: outcome.item.URL });
      run.added.push(outcome.item.id);
      io.stdout.write(`Added @${outcome.item.id}${outcome.created ? ` (new file ${BIBLIOGRAPHY})` : ''}: ${describeReference(outcome.item)}\n`);
      return true;
    case 'already':
      io.stdout.write(`${identifier.shown}: already in ${BIBLIOGRAPHY} as @${outcome.id}\n`);
      return true;
    case 'key-taken':
      io.stderr.write(
        `${identifier.shown}: --key ${outcome.key}: ${BIBLIOGRAPHY} already has an entry @${outcome.key}; choose another key (or leave ` +
          `--key out for one made from the author and year).\n`,
      );
      return false;
    case 'refused':
      io.stderr.write(`${identifier.shown}: not added: ${outcome.why}.\n`);
      if (outcome.entryText) io.stdout.write(`\n${outcome.entryText}\n`);
      return false;
  }
}

/** The item of a DOI's Crossref record, 'already' if the bibliography has it, undefined if it could not be had (said). */
async function fromDoi(doi: string, shown: string, run: Run, via?: string, fetched?: Answer): Promise<Found | undefined> {
  const answer = fetched ?? (await fetchCrossref(run.root, doi, run.offline));
  if (answer.kind !== 'ok') {
    run.io.stderr.write(`${explain(answer, shown, 'Crossref', crossrefAddress(doi), `Check the DOI on the article's page; it starts with "10."`)}\n`);
    return undefined;
  }
  warnCache(answer, run);
  const item = fromCrossref(answer.text);
  if (!item) {
    run.io.stderr.write(
      `${shown}: Crossref's answer is not a record of a work, and could not be read (kept in ${answer.cacheFile}: delete that file to fetch it again).\n`,
    );
    return undefined;
  }
  return { item, source: `From Crossref, doi:${doi}${via ? `, named by ${via}` : ''}` };
}

async function fromPmid(pmid: string, shown: string, run: Run): Promise<Found | undefined> {
  const address = pubmedAddress(pmid);
  const answer = await fetchPubmed(run.root, pmid, run.offline);
  const notFound = "Check the number on the article's PubMed page (pubmed.ncbi.nlm.nih.gov/<number>/)";
  if (answer.kind !== 'ok') {
    run.io.stderr.write(`${explain(answer, shown, 'PubMed', address, notFound)}\n`);
    return undefined;
  }
  warnCache(answer, run);
  const record = fromPubmed(answer.text);
  if (record.kind === 'none') {
    run.io.stderr.write(`${shown}: not found at PubMed (${address}). ${notFound}.\n`);
    return undefined;
  }
  if (record.kind === 'unreadable') {
    run.io.stderr.write(
      `${shown}: PubMed's answer holds no journal article that briefkit can read (a book chapter, or an error; kept ` +
        `in ${answer.cacheFile}). Add this reference by hand.\n`,
    );
    return undefined;
  }
  return { item: record.item, source: `From PubMed, pmid:${pmid}` };
}

async function fromUrl(url: string, shown: string, run: Run): Promise<Found | 'already' | undefined> {
  const answer = await fetchWebPage(run.root, url, run.offline);
  if (answer.kind !== 'ok') {
    run.io.stderr.write(`${explain(answer, shown, 'the web site', url, 'Check the address in a browser')}\n`);
    return undefined;
  }
  warnCache(answer, run);
  const page = fromWebPage(answer.text, url);
  if (!page) {
    run.io.stderr.write(`${shown}: the page has no title, nor any citation details; add this reference by hand.\n`);
    return undefined;
  }
  if (page.doi) {
    const already = findEntry(run.entries, { doi: page.doi });
    if (already) {
      run.io.stdout.write(`${shown}: the page names doi:${page.doi}, already in ${BIBLIOGRAPHY} as @${already.id ?? '(no id)'}\n`);
      return 'already';
    }
    run.io.stdout.write(`${shown}: the page names doi:${page.doi}; using its record at Crossref\n`);
    const crossref = await fetchCrossref(run.root, page.doi, run.offline);
    if (crossref.kind === 'not-found') {
      run.io.stdout.write(`${shown}: doi:${page.doi} is not known to Crossref; using what the page says about itself\n`);
    } else {
      return fromDoi(page.doi, shown, run, url, crossref);
    }
  }
  return { item: page.item, source: `From the web page ${url}` };
}

function warnCache(answer: Extract<Answer, { kind: 'ok' }>, run: Run): void {
  if (answer.cacheProblem)
    run.io.stderr.write(
      `briefkit refs add: the answer could not be kept in ${CACHE_DIR}/ (${answer.cacheProblem}); it is used, but will be fetched again next time.\n`,
    );
}

/** What to tell the user about a request that gave no usable answer. */
function explain(answer: Exclude<Answer, { kind: 'ok' }>, shown: string, service: string, address: string, notFoundHint: string): string {
  const host = hostOf(address);
  switch (answer.kind) {
    case 'not-found':
      return `${shown}: not found at ${service} (${address}). ${notFoundHint}.`;
    case 'rate-limited': {
      const wait = answer.retryAfter === undefined || answer.retryAfter <= 60 ? 'a minute' : `${Math.ceil(answer.retryAfter / 60)} minutes`;
      const asked = answer.retryAfter === undefined ? '' : `, and asks to wait ${answer.retryAfter} seconds`;
      const why =
        answer.status === 429
          ? `${service} (${host}) is limiting how often it may be asked (HTTP 429${asked})`
          : `${service} (${host}) is busy or down for maintenance (HTTP 503${asked})`;
      return `${shown}: ${why}. Wait ${wait} and run the same command again; what was added stays added.`;
    }
    case 'unreachable':
      return (
        `${shown}: ${service} (${host}) could not be reached: ${answer.why}. refs add needs the internet once per reference (its answer is then ` +
        `kept in ${CACHE_DIR}/); every build works offline.`
      );
    case 'not-cached':
      return `${shown}: not in ${CACHE_DIR}/, and --offline was given. Run refs add without --offline, once, with the internet; every build works offline.`;
    case 'http-error':
      return `${shown}: ${service} (${host}) answered HTTP ${answer.status} (${address}). Try again later; if it goes on, add this reference by hand.`;
    case 'too-big':
      return `${shown}: the answer from ${address} is larger than briefkit reads (10 MB); add this reference by hand.`;
    case 'refused':
      return `${shown}: not fetched: ${answer.why}. refs add reads only public web sites; add this reference by hand.`;
  }
}

function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

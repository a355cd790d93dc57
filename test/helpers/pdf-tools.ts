import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** `pdfinfo` as key → value. */
export async function pdfinfo(path: string): Promise<Record<string, string>> {
  const { stdout } = await exec('pdfinfo', [path]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** `pdffonts` rows: name, type, embedded (columns found from the header's dashes). */
export async function pdffonts(path: string): Promise<{ name: string; type: string; embedded: boolean }[]> {
  const { stdout } = await exec('pdffonts', [path]);
  const [, dashes = '', ...rows] = stdout.split('\n');
  const columns = [...dashes.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length] as const);
  const cell = (row: string, index: number) => row.slice(columns[index]![0], columns[index]![1]).trim();
  return rows.filter(Boolean).map((row) => ({ name: cell(row, 0), type: cell(row, 1), embedded: cell(row, 3) === 'yes' }));
}

/** The text of some pages, as `pdftotext` reads it (`-layout` keeps lines). */
export async function pdftotext(path: string, first?: number, last?: number, layout = false): Promise<string> {
  const args = [...(layout ? ['-layout'] : []), ...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), path, '-'];
  return (await exec('pdftotext', args, { maxBuffer: 20_000_000 })).stdout;
}

/** Word boxes of a page (`pdftotext -bbox`): text as drawn, and where. */
export async function pdfwords(path: string, page: number): Promise<{ text: string; xMin: number; xMax: number; width: number }[]> {
  const { stdout } = await exec('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { maxBuffer: 20_000_000 });
  const width = Number(/<page width="([\d.]+)"/.exec(stdout)?.[1] ?? 0);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    text: match[3]!,
    xMin: Number(match[1]),
    xMax: Number(match[2]),
    width,
  }));
}

/** `qpdf --check`: resolves when the file is sound, rejects with qpdf's complaint. */
export async function qpdfCheck(path: string): Promise<string> {
  return (await exec('qpdf', ['--check', path])).stdout;
}

/** The PDF's bookmarks, flattened, with the page each opens (qpdf's JSON). */
export async function outline(path: string): Promise<{ title: string; page: number }[]> {
  const { stdout } = await exec('qpdf', ['--json', '--json-key=outlines', path], { maxBuffer: 50_000_000 });
  const items: { title: string; page: number }[] = [];
  const walk = (nodes: { title: string; destpageposfrom1: number; kids: unknown[] }[]) => {
    for (const node of nodes) {
      items.push({ title: node.title, page: node.destpageposfrom1 });
      walk(node.kids as never);
    }
  };
  walk((JSON.parse(stdout) as { outlines: never[] }).outlines);
  return items;
}

/** The document language and whether the catalog marks the PDF as tagged, read from qpdf's JSON. */
export async function catalog(path: string): Promise<{ lang: string | undefined; marked: boolean }> {
  const { stdout } = await exec('qpdf', ['--json', '--json-key=qpdf', path], { maxBuffer: 200_000_000 });
  const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }).qpdf[1];
  const value = (reference: unknown) =>
    (typeof reference === 'string' && / R$/.test(reference) ? objects[`obj:${reference}`]?.value : reference) as Record<string, unknown> | undefined;
  const root = Object.values(objects).find((object) => object.value?.['/Type'] === '/Catalog')?.value;
  const lang = root?.['/Lang'];
  return { lang: typeof lang === 'string' ? lang.replace(/^u:/, '') : undefined, marked: value(root?.['/MarkInfo'])?.['/Marked'] === true };
}

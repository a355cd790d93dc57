import { join } from 'node:path';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { resolveInside } from '../paths/urls.js';
import { locate } from '../project/locate.js';
import type { YamlSource } from '../model/yaml-source.js';
import { checkPublishedFile } from './allowed-files.js';

/** The logo named in the config or a profile, if it is a file inside the project; reported otherwise. */
export async function checkLogo(root: string, logo: string | undefined, file: VFile, yaml: YamlSource | undefined): Promise<string | undefined> {
  if (!logo) return undefined;
  const place = yaml?.placeOf(['organisation', 'logo']);
  const inside = /^[a-z][a-z0-9+.-]*:/i.test(logo) ? undefined : resolveInside('briefkit.config.yaml', logo);
  if (inside === undefined) {
    error(file, {
      reason: `The logo "${logo}" is outside the project`,
      rule: 'path-outside',
      place,
      hint: 'Put the logo file in the project folder and give its path relative to the project folder.',
    });
    return undefined;
  }
  const absolute = join(root, inside);
  const found = await locate(root, absolute);
  if (found.kind === 'refused') {
    error(file, { reason: `The logo "${logo}": ${found.refusal.reason}`, rule: found.refusal.rule, place, hint: found.refusal.hint });
    return undefined;
  }
  if (found.kind !== 'file') {
    error(file, {
      reason: `The logo "${logo}" was not found`,
      rule: 'logo-missing',
      place,
      hint: 'Give the path of an image file relative to the project folder, e.g. branding/logo.svg.',
    });
    return undefined;
  }
  const refusal = checkPublishedFile(found.real, logo, { logo: true });
  if (refusal) {
    error(file, { ...refusal, place });
    return undefined;
  }
  return found.real;
}

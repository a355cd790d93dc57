import type { OutputFormat } from '../output/format.js';
import { renderFeeds, renderRobots } from '../stages/render-feeds.js';

/**
 * Each edition's sitemap (of the web pages written before it) and Atom feeds, and
 * `robots.txt`; all need the site's address (`base_url`): without it, none is written.
 */
export const feedsFormat: OutputFormat = {
  name: 'feeds',
  async emit(project, made, { output, landing }) {
    const { config, file } = project.config;
    for (const edition of project.editions) {
      renderFeeds({
        config,
        edition,
        pages: made.pages.get(edition)!,
        landing: landing.get(edition) ?? [],
        output,
        siteFile: file,
        versions: project.versions,
      });
    }
    // robots.txt belongs at the top of the site, with the edition there.
    if (project.editions.some((edition) => edition.prefix === '')) renderRobots(config, project.editions, output, file);
  },
};

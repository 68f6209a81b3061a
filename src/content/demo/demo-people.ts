import type { DemoSectionSlug } from './demo.types.js';

/** The demo newsroom: sections in menu order, authors and sources. Fictional people, real-sounding outlets. */
export const DEMO_SECTIONS: { slug: DemoSectionSlug; name: string; description: string }[] = [
  { slug: 'politics', name: 'Politics', description: 'Parliament, government and the parties.' },
  { slug: 'business', name: 'Business', description: 'Markets, companies, energy and the economy.' },
  { slug: 'society', name: 'Society', description: 'Health, education, cities and everyday life.' },
  { slug: 'defense', name: 'Defense', description: 'Security, the armed forces and the Alliance.' },
  { slug: 'world', name: 'World', description: 'The region and the rest of the world.' },
  { slug: 'culture', name: 'Culture', description: 'Books, film, music, heritage and ideas.' },
];

export const DEMO_AUTHORS: { key: string; name: string; bio: string }[] = [
  { key: 'maria-petrova', name: 'Maria Petrova', bio: 'Covers security and foreign policy from Sofia.' },
  {
    key: 'georgi-ivanov',
    name: 'Georgi Ivanov',
    bio: 'Business editor; writes about energy, banks and the budget.',
  },
  {
    key: 'elena-dimitrova',
    name: 'Elena Dimitrova',
    bio: 'Reports on health, schools and life outside the capital.',
  },
  {
    key: 'nikolai-stoyanov',
    name: 'Nikolai Stoyanov',
    bio: 'Foreign desk; follows the Balkans and the Black Sea region.',
  },
  { key: 'desislava-koleva', name: 'Desislava Koleva', bio: 'Culture editor.' },
  {
    key: 'newsroom',
    name: 'Newsdesk Staff',
    bio: 'Stories written by the desk from agency and partner reports.',
  },
];

export const DEMO_SOURCES: { key: string; name: string; url: string }[] = [
  { key: 'clubz', name: 'ClubZ', url: 'https://clubz.bg' },
  { key: 'bnr', name: 'BNR', url: 'https://bnr.bg' },
  { key: 'bta', name: 'BTA', url: 'https://www.bta.bg' },
  { key: 'afp', name: 'AFP', url: 'https://www.afp.com' },
  { key: 'reuters', name: 'Reuters', url: 'https://www.reuters.com' },
  { key: 'dnevnik', name: 'Dnevnik', url: 'https://www.dnevnik.bg' },
];

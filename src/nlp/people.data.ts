// Register data (see people.ts). Names as each language usually writes them; offices with years.
import type { PersonRecord } from './people.ts';

export const PEOPLE_DATA: PersonRecord[] = [
  {
    id: 'person:xi-jinping', name: 'Xi Jinping', en: ['Xi Jinping', 'Xi'], ru: ['Си Цзиньпин'], zh: ['习近平'],
    offices: [{ title: 'President', of: 'country:CN', from: 2013 }, { title: 'General Secretary of the CPC', of: 'country:CN', from: 2012 }],
  },
];

// The shipped alias list: names of one entity that no spelling rule can connect. Kept short and uncontroversial;
// a workspace can turn it off (`"defaultAliases": false` in .corroborate.json) or add its own. The first name of
// each group is the canonical one. Two-letter capitals ("IS", "UN") match only when written in capitals.
import type { AliasGroup } from './config';

const groups: readonly (readonly string[])[] = [
  ['Islamic State', 'ISIS', 'ISIL', 'IS', 'Daesh', "Da'esh", 'Daish', 'Islamic State of Iraq and Syria', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and al-Sham'],
  ['al-Qaeda', 'al-Qaida', 'al-Qa’ida', 'Al Qaeda'],
  ['Hayat Tahrir al-Sham', 'HTS', 'Hay’at Tahrir al-Sham', 'Tahrir al-Sham'],
  ['Hezbollah', 'Hizbollah', 'Hizbullah', 'Hizballah'],
  ['Muammar Gaddafi', 'Muammar Qaddafi', 'Muammar al-Gaddafi', 'Moammar Gadhafi', 'Muammar Kadhafi'],
  ['Kyiv', 'Kiev'],
  ['United Nations', 'UN', 'U.N.'],
  ['European Union', 'EU', 'E.U.'],
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America'],
  ['United Kingdom', 'UK', 'U.K.'],
  ['Nato', 'NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'],
  ['Russia', 'Russian Federation'],
  ['Syria', 'Syrian Arab Republic'],
  ['Syrian Observatory for Human Rights', 'SOHR'],
];

export const DEFAULT_ALIASES: readonly AliasGroup[] = groups.map((names) => ({ canonical: names[0]!, names }));

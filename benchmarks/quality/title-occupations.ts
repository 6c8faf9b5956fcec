/**
 * The ESCO occupations (first 8 hex digits of the concept URI's id) a counsellor would accept for
 * each occupation family of the labelled match set, judged by the team from ESCO's English and
 * Finnish labels. Used to score job titles → occupation search on the set's hand-written titles.
 */
export const FAMILY_OCCUPATIONS: Record<string, string[]> = {
  nurse: ['8d3e8aaa', '18e14e61'],
  'practical-nurse': ['d38c2107', '1391bdf9', '87d0795a', 'f4525ed8', '50743f62'],
  'personal-assistant': ['1391bdf9', 'f4525ed8', '8d703e8f', '9c55aa23'],
  welder: ['7aedaa07'],
  machinist: ['a1c9f8b7', '63042e8f', '02d4f153', '5c082067'],
  warehouse: ['bea705fe', 'cd94def5', 'eeac6251'],
  'delivery-driver': ['0c408028', '3a959644'],
  'truck-driver': ['45037d43', 'a504e79e', 'c5d779f4'],
  'bus-driver': ['00cee175'],
  cleaner: ['303a1e34', 'cbad55a4', '731ecac4'],
  'property-maintenance': ['1822bfc2'],
  'real-estate-agent': ['8ec8df02'],
  cook: ['90f75f67', '1009be17', 'bbaa1444'],
  waiter: ['d5db9d5c'],
  developer: ['f2b15a0e', 'bd272aee', 'c40a2919', '2ed56c3f', 'a7c1d23d', 'b11e1742'],
  accountant: ['c3aae59e', 'eda0d957', 'bfe142b9'],
  electrician: ['4910419f', '33960bab', '5dbb9cf0'],
  plumber: ['ed3cf43d', '7259dc48'],
  carpenter: ['2a22ff9e'],
  'kindergarten-teacher': ['55d60ead'],
  childcare: ['3413f234', '3f74aad8'],
  salesperson: ['9ba74e8a', '0b15375e', '2b871272'],
  'sales-manager': ['a7594892'],
  'customer-service': ['13d1b2b4', '0ededdc2', 'b7b75eb6'],
  'dental-nurse': ['bdc74965'],
  mechanic: ['4ad4024e', '24d378d8'],
  hairdresser: ['099c6bb0', '4e0c14d6'],
  'social-worker': ['4b05bef2', '2ae76ccc', 'a9a41b21'],
  'farm-worker': ['c9191f7f', '1a9d99ba', '65bd2342', '373db468'],
  'security-guard': ['31808988', 'b00e9e89'],
  teacher: ['f0e1cc13', '1ad4012e', '5efb2c08', 'dab9c6dd'],
  physiotherapist: ['006cc1f9'],
};

/** Whether an ESCO occupation URI is one the family accepts. */
export const accepts = (family: string, uri: string) => (FAMILY_OCCUPATIONS[family] ?? []).some((prefix) => uri.split('/').pop()!.startsWith(prefix));

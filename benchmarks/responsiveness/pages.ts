/**
 * What bench:responsiveness opens (benchmarks/responsiveness.ts): a key per role in organisations
 * of its own, a client of Tampere's area, a vacancy of the employer services' unit, each role's
 * main pages and the words typed into the skill autocomplete.
 */

export const PREFIX = 'bench-responsiveness';
export const VACANCY = 'BENCH-RESPONSIVENESS-1';

export type Role = 'counsellor' | 'employer-service' | 'planner' | 'admin';
export interface PageSpec {
  role: Role;
  name: string;
  path: string;
  /** Shown once the page's data is there. */
  shown: string;
}

export const api = async (url: string, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
};

/** An organisation and a key per role (the admin's is the first start's), and the records the pages open. */
export async function setUp(url: string, adminKey: string) {
  const organisations = [
    { id: `${PREFIX}-area`, name: 'Benchmark employment area (Tampere)', kind: 'employment-area', area: 'tampere' },
    { id: `${PREFIX}-unit`, name: 'Benchmark employer services', kind: 'employer-services' },
    { id: `${PREFIX}-planning`, name: 'Benchmark planning office', kind: 'planning' },
  ];
  for (const o of organisations) {
    const added = await api(url, adminKey, 'POST', '/v1/admin/organisations', o);
    if (added.status !== 201 && added.status !== 409) throw new Error(`adding organisation ${o.id}: ${added.status} ${JSON.stringify(added.body)}`);
  }
  const key = async (role: Role, organisation: string) => {
    const issued = await api(url, adminKey, 'POST', '/v1/admin/keys', { role, name: `${PREFIX} ${role}`, organisation, expiresInDays: 1 });
    if (issued.status !== 201) throw new Error(`issuing a ${role} key: ${issued.status} ${JSON.stringify(issued.body)}`);
    return issued.body.key as string;
  };
  const keys: Record<Role, string> = {
    counsellor: await key('counsellor', `${PREFIX}-area`),
    'employer-service': await key('employer-service', `${PREFIX}-unit`),
    planner: await key('planner', `${PREFIX}-planning`),
    admin: adminKey,
  };
  const clients = await api(url, keys.counsellor, 'GET', '/v1/jobseekers?municipality=837&limit=100');
  const client = (clients.body?.items as { id: string; status?: string }[] | undefined)?.find((c) => c.status !== 'inactive')?.id;
  if (!client) throw new Error(`no active client in Tampere for the counsellor: ${clients.status}`);
  const vacancy = {
    id: VACANCY,
    title: 'hitsaaja',
    description: 'Konepaja hakee hitsaajaa Tampereelle. Edellytämme MIG-hitsaus- ja TIG-hitsausosaamista sekä piirustusten lukemista.',
    skills: ['MIG-hitsaus', 'TIG-hitsaus', 'piirustusten lukeminen'],
    municipality: '837',
    employer: 'Konepaja Teräs Oy',
  };
  const put = await api(url, keys['employer-service'], 'PUT', `/v1/vacancies/${VACANCY}`, vacancy);
  if (put.status >= 300) throw new Error(`creating ${VACANCY}: ${put.status} ${JSON.stringify(put.body)}`);
  return { keys, client };
}

export function pages(client: string): PageSpec[] {
  return [
    { role: 'counsellor', name: 'clients', path: '/clients', shown: 'main table, main .empty' },
    { role: 'counsellor', name: 'client: matches', path: `/clients/${client}`, shown: 'nav.tabs' },
    { role: 'counsellor', name: 'client: gaps and training', path: `/clients/${client}?tab=plan`, shown: 'nav.tabs' },
    { role: 'counsellor', name: 'client: profile', path: `/clients/${client}?tab=profile`, shown: '#p-skills' },
    { role: 'employer-service', name: 'vacancies', path: '/vacancies', shown: 'main h1' },
    { role: 'employer-service', name: 'vacancy: candidates', path: `/vacancies/${VACANCY}`, shown: 'main h1' },
    { role: 'planner', name: 'area dashboard', path: '/planner?kind=area&place=tampere', shown: 'dl.indicators' },
    { role: 'admin', name: 'keys', path: '/admin', shown: 'main table' },
    { role: 'admin', name: 'audit trail', path: '/admin?tab=audit', shown: 'main h1' },
  ];
}

/** What a person types into the skill field, a keystroke pause at a time (the picker asks from two letters on). */
export const TYPED = ['hitsaus', 'sairaanhoito', 'kundservice', 'welding', 'asiakaspalvelu', 'trukki'];

/**
 * The system card (EU AI Act art. 13: transparency to deployers; art. 50 and 86: informing the people
 * affected): what Kohtaanto does and does not decide, on what model and data, how well it does it,
 * its known limits and the routes of human oversight. Served at `/v1/about`; docs/privacy-and-oversight.md summarises it.
 */

/** Figures of the quality benchmark for the embedder in use (npm run bench:quality). */
export interface Evaluation {
  measuredOn: string;
  labelledSet: string;
  clientToVacancies: { ndcgAt10: number; crossLanguage: number };
  vacancyToCandidates: { ndcgAt10: number; crossLanguage: number };
  command: string;
}

export interface SystemFacts {
  version: string;
  model: { id: string; dimension: number; description: string };
  taxonomy: { id: string; skills: number; occupations: number };
  settings: unknown;
  decisionRetentionDays: number;
  evaluation: Evaluation | undefined;
}

export function systemCard(facts: SystemFacts) {
  return {
    name: 'Kohtaanto',
    version: facts.version,
    purpose:
      "Helps Finland's public employment services match jobseekers and vacancies: ranked vacancies for a client, ranked candidates for a vacancy, the skill gaps worth closing and the training that closes them, and demand and supply per area for planners.",
    riskClass: 'High-risk AI system under the EU AI Act (Annex III, points 4 and 5: employment, and access to public employment services).',
    decides: [
      'The order of vacancies suggested to a counsellor for a client, and of candidates suggested to employer services for a vacancy, each with its score, the parts of the score and the skills matched and missing.',
      'Which skill gaps and trainings are suggested first, and which trainings a planner is offered to buy.',
    ],
    doesNotDecide: [
      'Nothing is decided about a person automatically: a counsellor decides what to offer a client, employer services and the employer decide whom to contact or hire, a planner decides what training to buy.',
      'It does not decide on benefits, obligations, sanctions or eligibility for services.',
      'It never contacts anyone, shares a client with an employer (a counsellor does that), or refers anyone to training without a counsellor.',
    ],
    humanOversight: [
      'Every suggestion shows its reasons (score parts, matched and missing skills, distance, hard requirements) to the counsellor, and the client can be given the same explanation in Finnish, Swedish or English (GET /v1/jobseekers/:id/matches/:vacancyId/explanation).',
      'A counsellor can set a suggestion aside or put one forward with a recorded reason (POST /v1/jobseekers/:id/overrides); it then applies to that client\'s rankings.',
      'Every ranking served is kept as a decision record: model and its content hash, taxonomy, weights and settings, the ranked ids with score parts; exported with a person\'s data and removed on their erasure.',
      'Planners and admins monitor group exposure in the candidate rankings (GET /v1/oversight/exposure: age band, gender, mother tongue, long-term unemployment, municipality; four-fifths rule with confidence intervals).',
      'Admins read the audit trail of who read which client\'s data (GET /v1/audit).',
    ],
    model: {
      ...facts.model,
      card: 'models/README.md (training data, licences, evaluation, limits)',
    },
    taxonomy: { ...facts.taxonomy, note: 'ESCO v1.1.1 (fi/sv/en labels) when the shared export is configured; otherwise the curated subset shipped with the fixtures.' },
    data: {
      usedForMatching: [
        'Title, desired and wished occupations, skills (as given and as taxonomy concepts), the CV or vacancy text, languages, working time, driving licence, education level, home municipality and remote work.',
      ],
      neverUsedForMatching: [
        'Name and contact details.',
        'Birth year, gender and mother tongue: optional, recorded only for the exposure report; a test proves the rankings are identical with and without them.',
        'Unemployment duration (used in analytics and the exposure report, not in scores).',
      ],
      settings: facts.settings,
      decisionRetentionDays: facts.decisionRetentionDays,
    },
    evaluation: facts.evaluation ?? {
      note: 'No quality benchmark result is present beside this installation: run npm run bench:quality.',
    },
    knownLimits: [
      'The labelled sets are small (44 clients, 122 vacancies) and written by the project; held-out real-world figures are not yet published.',
      'The model knows job language from ESCO labels and dictionaries: rare titles, dialects and long free texts are understood less well than skills and occupations given as such.',
      'Scores compare well within one ranking; they are not probabilities of being hired, and a low score is not a judgement of a person.',
      'Skills not in the taxonomy are matched as text only; Swedish ESCO labels have no alternatives.',
      'Group exposure can only be monitored for the clients whose group attributes were recorded.',
    ],
    contact: 'The operating employment area is the controller; see docs/privacy-and-oversight.md for the privacy model and the threat model.',
  };
}

export type SystemCard = ReturnType<typeof systemCard>;

/**
 * A title as its writer wrote it (an employer's "Sairaanhoitaja" stays theirs), with the occupation the
 * service read it as, in the page's language, beside it when the title does not name it already:
 * "Sairaanhoitaja — sjuksköterska" on a Swedish page, nothing more on a Finnish one.
 */
export function OccupationBeside({ title, occupation }: { title: string; occupation?: string }) {
  if (!occupation || title.toLocaleLowerCase().includes(occupation.toLocaleLowerCase())) return null;
  return <span class="occupation muted"> — {occupation}</span>;
}

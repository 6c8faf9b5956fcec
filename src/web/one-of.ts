/**
 * `value` when it is one of `values` (a select's options, an address's parameter), else undefined:
 * text read as one of a union of strings by checking it, not by a cast.
 */
export const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined): T | undefined => values.find((v) => v === value);

/** Shared limits of one decodeFile call: every archive level draws on the same budget. */
export interface DecodeBudget {
  /** Uncompressed bytes still allowed across all archives. */
  bytesLeft: number;
  /** Archive entries still allowed across all archives. */
  entriesLeft: number;
}

import type { Establishment, Post } from "./establishment";

/**
 * A grant or funding source's name in one spelling, so "Supporting Families",
 * "supporting families grant", "Supporting Families 2025/26" and "Supporting-Families
 * (2025-26)" name one grant: case, spacing and punctuation do not matter, nor a year or the
 * word grant at the end. Anything else stays as typed: "Family Hubs" is not "Families".
 */
export function fundingKey(name: string): string {
  let key = name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  // A year or a financial year at the end ("2025", "2025 26", "fy 2025 26", "25 26"), or
  // "grant": peeled off in any order ("... grant 2025/26", "... 2025/26 grant").
  for (;;) {
    const peeled = key
      .replace(/(?:^|\s)(?:fy\s*)?(?:\d{4}|\d{2})(?:\s+\d{2}(?:\d{2})?)?$|(?:^|\s)grant$/, "")
      .trim();
    if (peeled === key || peeled === "") return key;
    key = peeled;
  }
}

/** Whether the establishment says what funds its posts (a Funding column, or posts that name it). */
export function hasFunding(establishment: Establishment): boolean {
  return (
    establishment.columns.funding !== undefined ||
    establishment.columns.grantFunded !== undefined ||
    establishment.posts.some((p) => p.funding !== undefined)
  );
}

/**
 * The posts a grant pays for: those marked Y in a Grant funded column, else those whose
 * funding names it, as people type it (fundingKey).
 * With no grant name, or nothing saying what funds the posts, every post; with a Funding
 * column that never names the grant, none: costing every post against it would be a
 * silent wrong total (the reader says so at the Grant name cell).
 */
export function grantPosts(establishment: Establishment, grantName: string | undefined): Post[] {
  const name = grantName?.trim();
  if (!name || !hasFunding(establishment)) return establishment.posts;
  // A Grant funded (Y/N) column says it post by post, whatever the Funding column names.
  if (establishment.columns.grantFunded !== undefined)
    return establishment.posts.filter((p) => p.grantFunded === true);
  const key = fundingKey(name);
  return establishment.posts.filter(
    (p) => p.funding !== undefined && fundingKey(p.funding) === key
  );
}

/**
 * Posts on a grant that go on after the grant ends, inside the years costed. The Grant
 * Costing sheet shows them at £0 from the grant's end (rightly: the grant pays nothing
 * then), but their pay goes on: that cost falls to the core budget, or to exit costs if
 * the post ends with the grant. A £0 column is not left to say it: each such post has a
 * warning at its row with the cost after the grant, year by year.
 */
import { financialYearLabel, formatUkDate } from "../dates";
import type { Issue } from "../grid";
import { topLeftOf } from "../grid";
import type { Assumptions, Establishment, PayScales, Post } from "../model";
import { formatPounds, roundPenny } from "../money";
import { costEstablishment, financialYearsWindow, type PostCosting } from "../costing";
import { issueAtAddress } from "../read/issues";

const CONTRACT_WORDS: Record<NonNullable<Post["contractType"]>, string> = {
  permanent: "permanent",
  temporary: "temporary",
  "fixed-term": "fixed-term",
  agency: "agency",
  secondment: "a secondment",
  other: "on its contract",
};

/**
 * A warning for each post that runs past the grant's end date within the years costed,
 * with what it costs from the day after the grant ends to the end of those years; and the
 * one line the sheet's warnings give for them all.
 */
export function postsOutlivingGrant(
  establishment: Establishment,
  posts: readonly Post[],
  a: Assumptions,
  payScales?: PayScales
): { issues: Issue[]; summary?: string } {
  const grantEnd = a.grant.end;
  const years = financialYearsWindow(a.firstYear, a.years);
  if (grantEnd === undefined || grantEnd >= years.end) return { issues: [] };
  const outliving = posts.filter((p) => p.endDate === undefined || p.endDate > grantEnd);
  if (outliving.length === 0) return { issues: [] };
  const after = costEstablishment(outliving, a, { ...years, start: grantEnd + 1 }, payScales);
  const issues = outlivingIssues(establishment, after.posts, grantEnd);
  if (issues.length === 0) return { issues };
  const total = roundPenny(after.posts.reduce((t, pc) => t + pc.total.total, 0));
  const count = issues.length === 1 ? "1 post runs" : `${issues.length} posts run`;
  return {
    issues,
    summary: `${count} past the grant's end on ${formatUkDate(grantEnd)}: ${formatPounds(total)} after it, to the end of the years costed, falls to the core budget or to exit costs (a warning at each post's row says its figures).`,
  };
}

function outlivingIssues(
  establishment: Establishment,
  costed: readonly PostCosting[],
  grantEnd: number
): Issue[] {
  return costed.flatMap((pc) => {
    const costs = pc.years.filter((y) => y.total > 0);
    if (costs.length === 0) return [];
    const p = pc.post;
    const runs =
      p.endDate === undefined
        ? `${p.contractType ? `is ${CONTRACT_WORDS[p.contractType]} with` : "has"} no end date`
        : `ends on ${formatUkDate(p.endDate)}`;
    const byYear = costs
      .map((y) => `${formatPounds(y.total)} in ${financialYearLabel(y.year)}`)
      .join(", ");
    const at =
      p.cells.endDate ?? p.cells.contractType ?? p.cells.funding ?? topLeftOf(establishment.range);
    return [
      issueAtAddress(
        establishment.sheet,
        at,
        "warning",
        "post-outlives-grant",
        `${p.title}${p.postId ? ` (${p.postId})` : ""} ${runs}, so it runs past the grant's end on ${formatUkDate(grantEnd)}: the Grant Costing sheet shows £0 for it after that, and its cost then, ${byYear}, falls to the core budget (or to exit costs, if the post ends with the grant)`,
        "nothing to do if the core budget takes it on; if the post ends with the grant, type its End date"
      ),
    ];
  });
}

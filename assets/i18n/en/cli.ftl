# The command line's text output.

cli-data-source-assessment = Data-source assessment (details: --format json, migreview assess scorecard)
cli-sources = sources
cli-check = Check
cli-evaluated = evaluated
cli-failed = failed
cli-not-evaluable = not evaluable
cli-no-findings = No findings.
cli-findings = Findings
cli-error = error
cli-warning = warning
cli-info = info
cli-not-evaluable-cases = not evaluable
cli-level = level
cli-what = What
cli-why = Why
cli-look-at = Look at
# $more: how many findings of the check are not shown.
cli-more-findings = {"  "}… { $more } more (all of them: --format json)
cli-suggested = suggested
cli-final = final
cli-overridden = overridden
## check --review: the review read, and what is listed.
cli-review = Review { $path }: { $decisions ->
    [one] { $decisions } decision
   *[other] { $decisions } decisions
} ({ $stale } about findings not found now); { $open ->
    [one] { $open } error still open
   *[other] { $open } errors still open
}
cli-review-listed = Listed: { $statuses } ({ $listed } of { $total ->
    [one] { $total } finding
   *[other] { $total } findings
})

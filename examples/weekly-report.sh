#!/bin/sh
# The Monday job: render last week's report, mail it to leadership, commit it to
# the docs repository, push. Run from cron, a systemd timer or CI (see
# the README, "Run it every Monday"). Safe to rerun: the same week renders the same files,
# `email` sends nothing a second time (the sent-log), `publish` makes no new
# commit, and the push has nothing to do.
#
# Needs: robin-report on PATH (or ROBIN_REPORT=/path/to/robin-report), a
# robin-report.toml with org_id, timezone and an [email] table in ROBIN_HOME,
# ROBIN_API_TOKEN and SMTP_PASSWORD in the environment, and a clone of the docs
# repository in DOCS_REPO that this user can push to.
set -eu

ROBIN_HOME=${ROBIN_HOME:-/srv/robin-report}
DOCS_REPO=${DOCS_REPO:-/srv/workplace-docs}
ROBIN_REPORT=${ROBIN_REPORT:-robin-report}
cd "$ROBIN_HOME"

# The ISO week that ended last Sunday (on a Monday: the week just finished);
# WEEK=2026-W47 in the environment makes it that week (a rerun of a missed Monday).
WEEK=${WEEK:-$(date -d "-$(date +%u) days" +%G-W%V)}

# Success is quiet (stdout to /dev/null), so cron mails only warnings and errors:
# one line each, with exit code 1 (runtime), 2 (usage/config) or 3 (bad data).
"$ROBIN_REPORT" report --week "$WEEK" --quiet >/dev/null
"$ROBIN_REPORT" email --report "Output/$WEEK" >/dev/null
"$ROBIN_REPORT" publish --report "Output/$WEEK" --repo "$DOCS_REPO" >/dev/null
git -C "$DOCS_REPO" push --quiet

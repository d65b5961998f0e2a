export const HELP = `mamori — find credentials and personal information (個人情報) before they leak through git

Usage:
  mamori scan [PATH]            scan a folder (in a git work tree: tracked and not-ignored files)
  mamori scan PATH --since REV  scan what each commit in REV..HEAD added (deleted later or not)
  mamori scan -                 scan standard input (name it with --stdin-path); a diff is read
                                as what it adds, at its real paths and lines
  mamori scan --staged          scan what the next commit adds (git diff --cached), for pre-commit
  mamori scan-db URL            scan a database read-only: postgres://…, mysql://… (MariaDB too),
                                sqlite:app.db; or set MAMORI_DB_URL (the URL is never printed)
  mamori rules [--config FILE]  list the rules (id, category, severity, title; custom ones marked)
  mamori baseline [PATH]        accept today's findings: add them to .mamoriignore (fill in the reasons)
  mamori install-hook [PATH]    write the git pre-commit hook (mamori scan --staged); --force replaces one
  mamori worker                 the GitHub App's queue worker (needs REDIS_URL, APP_ID, the key)
  mamori rekey [PATH] --old-key-file FILE [--new-key-file FILE] [--dry-run]
                                re-key .mamoriignore and allow: fingerprints (rescans the tree with both keys;
                                --from-unkeyed instead of --old-key-file: fingerprints made before keys)
  mamori --help | --version

Options:
  -f, --format FORMAT           text|json|sarif|html|ppc (default: text); html: one self-contained page;
                                ppc: a draft report to the PPC (Markdown)
  -o, --output FILE             write the report to FILE instead of standard output
  -c, --config FILE             a mamori.yml (default: PATH/.github/mamori.yml when present)
  --config-from REV             read .github/mamori.yml and .mamoriignore from a git revision
                                (e.g. origin/main), not from the scanned tree: use it to gate CI
  --fail-on SEVERITY            critical|high|medium|low: exit 1 at or above it (default: config failOn, high)
  --min-confidence LEVEL        high|medium|low: show credential findings at or above it (default: config minConfidence, low)
  --fail-on-confidence LEVEL    high|medium|low: only credential findings at or above it can exit 1 (default: config failOnConfidence, medium)
  --detail auto|columns|cells   personal data in tables (CSV, SQL, JSON records, sheets, database tables):
                                one finding per column and kind; auto (default, config scan.detail): JSON
                                also lists each flagged cell of a column with at most 1,000 of them;
                                columns: column findings only; cells: every cell too
  --lang ja|en                  language of titles, remediation and the impact block
  --since REV                   scan the lines added by the commits in REV..HEAD
  --staged                      scan what the next commit adds (git diff --cached)
  --baseline FILE               report and fail only on findings not in this saved JSON report
  --known-since DATE            the day the leak became known (YYYY-MM-DD, Japan time; default: today):
                                day 1 of the PPC report deadlines
  --rows N, --sample first|random   scan-db: read at most N rows per table (default: all)
  --tables GLOB, --exclude GLOB     scan-db: only / not these tables (schema.table or table; repeatable)
  --statement-timeout SECONDS       scan-db: the server's time limit per query (default 60)
  --stdin-path NAME             the path reported for standard input (default: stdin)
  -j, --threads N               threads for a folder scan (default: CPUs, at most 4; 1: no threads)
  --public                      the repository is public (APPI: any My Number leak must be reported)
  --verify                      ask each found credential's own provider whether it still works (one
                                read-only HTTPS call to that provider only; live keys become critical)
  --file-timeout SECONDS        time budget of one file (default 120; 0: none), also in --since,
                                --staged and of one table in scan-db: past it, listed as skipped (timeout)
  --fingerprint-key-file FILE   key of fingerprints (default: MAMORI_FINGERPRINT_KEY, else
                                ~/.config/mamori/fingerprint.key, created on first use)
  --no-color                    no colours in text output (also: NO_COLOR=1)
  -q, --quiet                   no progress line
  -h, --help                    this help
  -v, --version                 the version

Exit codes:
  0  no finding at or above the --fail-on severity
  1  findings at or above the --fail-on severity, or personal data of pii.failOnPersons
     persons or more (default 3: a customer list fails whatever its severities)
  2  error: bad arguments, invalid configuration or rules, unreadable input (the scan fails closed)
  3  incomplete: no finding fails, but some files could not be read (corrupt archive, possible
     bomb, too large, undecodable; media and links do not count); scan.incomplete: pass gives 0

Suppress a finding: add "mamori:ignore" (optionally with the rule id) in a comment on its line,
or add its fingerprint to .mamoriignore at the root of the scanned folder ("<fingerprint> # why").
`;

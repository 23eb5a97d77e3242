#!/usr/bin/env bash
# Makes the fixtures of the schema-4 migration test (model/store/
# migrate_plans_test.go) with a program of the release before several
# plans in one workspace: the demo data of scripts/demo-data.sh plus a
# note, a manual status, an entered target, a lock and an undo, and a
# generated plan of 1,000 items; beside each database, the statuses that
# program gives every item at several periods (list --json), which the
# migrated database must give too. The files are gzipped to stay small.
#   scripts/make-migration-fixtures.sh /work/baseline/planreview
#
# With "schema4" after the program (a release of schema 4, several plans,
# before last year's pairs), it makes instead the fixture of the schema-5
# migration test (model/store/migrate_prior_test.go): the same demo data
# on the bundled 2023 plan, a 2024 plan imported from its exported table
# with figures, a note and an undo of its own.
#   scripts/make-migration-fixtures.sh /tmp/planreview-schema4 schema4
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin="${1:?usage: scripts/make-migration-fixtures.sh OLD-PLANREVIEW [schema4]}"
dir=$PWD/model/store/testdata
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "${2:-}" = schema4 ]; then
  db="$tmp/demo.db"
  sed -e "s#out/planreview#\"$bin\"#" scripts/demo-data.sh >"$tmp/demo-data.sh"
  bash "$tmp/demo-data.sh" "$db" >/dev/null
  "$bin" plan export jiaxing-2023 -o "$tmp/2023.xlsx" --db "$db" >/dev/null
  "$bin" plan import "$tmp/2023.xlsx" --city 嘉兴市 --year 2024 --db "$db" --by 演示 >/dev/null
  pr() { "$bin" "$@" --db "$db" --by "演示" >/dev/null; }
  pr record A1-01 1-3月 5.1 --source 演示数据
  pr record A1-01 1-6月 5.4 --source 演示数据
  pr note A1-01 "2024年演示备注。"
  pr record A1-02 1-3月 3.3 --source 演示数据
  pr undo
  rm -rf "$tmp/backups" "$tmp/demo.db.checked"
  (cd "$tmp" && tar -czf "$dir/schema4-demo.tar.gz" demo.db)
  ls -l "$dir/schema4-demo.tar.gz"
  exit 0
fi

db="$tmp/demo.db"
pr() { "$bin" "$@" --db "$db" --by "演示" >/dev/null; }
# scripts/demo-data.sh, run with the old program.
sed -e "s#out/planreview#\"$bin\"#" scripts/demo-data.sh >"$tmp/demo-data.sh"
bash "$tmp/demo-data.sh" "$db" >/dev/null
pr note A1-05 "投资增速回落，重大项目储备不足（演示备注）。"
pr note M3-01 "年底前完成验收（演示备注）。"
pr set-status A1-03 1-9月 met --reason "统计口径调整后已达目标（演示）"
pr set-target A1-17 下降3% --reason "省发展改革委调整（演示）"
pr record A1-09 1-9月 3.3 --source 演示数据
pr undo
pr lock 1-6月 --reason "半年简报已报出（演示）"
"$bin" gen-demo --items 1000 -o "$tmp/big.db" >/dev/null

for name in demo big; do
  for p in 1-3月 1-6月 1-9月 全年; do
    "$bin" list --json --as-of "$p" --db "$tmp/$name.db" >"$tmp/$name-$p.json"
  done
  rm -rf "$tmp/backups" "$tmp/$name.db.checked"
  (cd "$tmp" && tar -czf "$dir/schema3-$name.tar.gz" "$name.db" "$name"-*.json)
done
ls -l "$dir"/schema3-*.tar.gz

#!/usr/bin/env bash
# Converts each report workbook to CSV with LibreOffice (which recomputes every
# formula on load) and checks the recomputed totals against the JSON reports.
# Without LibreOffice it prints why it skipped and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

office="$(command -v libreoffice || command -v soffice || true)"
if [ -z "$office" ]; then
  echo "SKIP: LibreOffice tidak terpasang / not installed (apt-get install libreoffice-calc-nogui); workbooks not recomputed"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx ts-node --transpile-only tests/reports/xlsx-generator.ts "$work/out"

# A private profile that makes Calc recompute OOXML formulas on load instead of trusting cached results.
mkdir -p "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# CSV filter: comma, double quote, UTF-8, raw values (not as shown), every sheet to its own file (-1).
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
for workbook in "$work"/out/*.xlsx; do
  "$office" --headless "-env:UserInstallation=file://$work/profile" --convert-to "$filter" --outdir "$work/csv" "$workbook" >/dev/null
done
npx ts-node --transpile-only tests/reports/xlsx-libreoffice-check.ts "$work/out" "$work/csv"

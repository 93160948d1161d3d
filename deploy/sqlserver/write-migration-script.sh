#!/usr/bin/env bash
# Writes the idempotent SQL Server migration script: every migration, each guarded by a check of
# __EFMigrationsHistory, so a DBA or a release pipeline can run it against any version of the database.
# Needs only the .NET SDK (no SQL Server): dotnet ef builds the model from the design-time factory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
output="${1:-$root/deploy/sqlserver/migrations.sql}"

cd "$root"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent \
  --project src/NewsCms.Data.SqlServer \
  --startup-project src/NewsCms.Data.SqlServer \
  --output "$output"
echo "Wrote $output"

#!/usr/bin/env bash
# The one-shot migration step of deploy/compose.yaml, usable from any host with sqlcmd (mssql-tools18):
#   1. creates the database when it is missing,
#   2. applies migrations.sql (idempotent: every migration is guarded by __EFMigrationsHistory),
#   3. creates or updates the app's own login, which may read and write rows and nothing else: the schema changes only
#      here, never from a running replica (NewsCms:Database:MigrateOnStartup stays false for SQL Server).
#
# Environment: MSSQL_SA_PASSWORD (the administrator's password), NEWSCMS_DB_PASSWORD (the app login's password),
# optional SQLSERVER_HOST (default sqlserver), SQLSERVER_ADMIN (default sa; Azure SQL: the server's administrator login),
# NEWSCMS_DB_NAME (default NewsCms), NEWSCMS_DB_LOGIN (default newscms_app), SQLCMD (default
# /opt/mssql-tools18/bin/sqlcmd, as in the SQL Server image).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="${SQLSERVER_HOST:-sqlserver}"
database="${NEWSCMS_DB_NAME:-NewsCms}"
login="${NEWSCMS_DB_LOGIN:-newscms_app}"
: "${MSSQL_SA_PASSWORD:?MSSQL_SA_PASSWORD is required}"
: "${NEWSCMS_DB_PASSWORD:?NEWSCMS_DB_PASSWORD is required}"

# -b: stop at the first error with a non-zero exit code.
# -I: QUOTED_IDENTIFIER ON, without which SQL Server refuses the script's filtered unique indexes.
# -x: no sqlcmd variable substitution, so a $( in the migrations or a password is never taken for a variable.
# The password goes through SQLCMDPASSWORD, not the command line, so `ps` does not show it.
export SQLCMDPASSWORD="$MSSQL_SA_PASSWORD"
sqlcmd=("${SQLCMD:-/opt/mssql-tools18/bin/sqlcmd}" -S "$host" -U "${SQLSERVER_ADMIN:-sa}" -b -I -x)
# -C (trust the certificate) only for the compose container's self-signed one; Azure SQL's is verified.
[[ "$host" == *.database.windows.net ]] || sqlcmd+=(-C)

# A T-SQL string literal: single quotes doubled.
quote() { printf "N'%s'" "${1//\'/\'\'}"; }

echo "apply-migrations: database [$database] on $host"
# Through EXEC: Azure SQL wants CREATE DATABASE alone in its batch (there the deployment has created it already).
"${sqlcmd[@]}" -d master -Q "IF DB_ID($(quote "$database")) IS NULL EXEC(N'CREATE DATABASE [$database]');"

"${sqlcmd[@]}" -d "$database" -i "$here/migrations.sql"

# Through EXEC again (Azure SQL wants CREATE LOGIN alone in its batch), so the password is quoted twice.
create_login="CREATE LOGIN [$login] WITH PASSWORD = $(quote "$NEWSCMS_DB_PASSWORD")"
alter_login="ALTER LOGIN [$login] WITH PASSWORD = $(quote "$NEWSCMS_DB_PASSWORD")"
"${sqlcmd[@]}" -d master -Q "
IF NOT EXISTS (SELECT 1 FROM sys.sql_logins WHERE name = $(quote "$login"))
    EXEC($(quote "$create_login"));
ELSE
    EXEC($(quote "$alter_login"));"

"${sqlcmd[@]}" -d "$database" -Q "
IF USER_ID($(quote "$login")) IS NULL
    CREATE USER [$login] FOR LOGIN [$login];
ALTER ROLE db_datareader ADD MEMBER [$login];
ALTER ROLE db_datawriter ADD MEMBER [$login];"

echo "apply-migrations: done"

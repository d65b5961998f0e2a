#!/usr/bin/env bash
# Starts a throwaway PostgreSQL and MariaDB on 127.0.0.1 (free ports, temporary data dirs) for the
# scan-db tests, and exports MAMORI_TEST_PG_URL / MAMORI_TEST_MYSQL_URL (an owner account of a
# fresh database each; passwords generated here). Source it: `. .ci/start-db-servers.sh`; it
# registers stop_db_servers, which stops both by PID and removes the data dirs.
# Installs Debian's postgresql and mariadb-server when missing.
set -euo pipefail
if ! command -v mariadbd >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql mariadb-server >/dev/null
fi
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
secret() { node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))'; }
DB_TMP="$(mktemp -d)"
chmod 755 "$DB_TMP"

# PostgreSQL: initdb refuses root, so the cluster belongs to the postgres user of the Debian package.
PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
PG_PORT="$(free_port)"; PG_PASS="$(secret)"
mkdir -p "$DB_TMP/pg" && chown postgres "$DB_TMP/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$DB_TMP/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DB_TMP/pg/data" -l "$DB_TMP/pg/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DB_TMP/pg -c fsync=off" start >/dev/null
runuser -u postgres -- "$PG_BIN/psql" -h "$DB_TMP/pg" -p "$PG_PORT" -U postgres -qAt \
  -c "CREATE ROLE mamori LOGIN PASSWORD '$PG_PASS'" -c "CREATE DATABASE mamori_test OWNER mamori" >/dev/null
export MAMORI_TEST_PG_URL="postgres://mamori:$PG_PASS@127.0.0.1:$PG_PORT/mamori_test"

# MariaDB, run as root with its own data dir and socket.
MY_PORT="$(free_port)"; MY_PASS="$(secret)"
mariadb-install-db --user=root --datadir="$DB_TMP/my" --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1
mariadbd --user=root --datadir="$DB_TMP/my" --port="$MY_PORT" --bind-address=127.0.0.1 --socket="$DB_TMP/my.sock" \
  --pid-file="$DB_TMP/my.pid" --log-error="$DB_TMP/my.log" --innodb-flush-log-at-trx-commit=0 >/dev/null 2>&1 &
for _ in $(seq 100); do mariadb -S "$DB_TMP/my.sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
mariadb -S "$DB_TMP/my.sock" -u root -e "CREATE DATABASE mamori_test CHARACTER SET utf8mb4; CREATE USER 'mamori'@'127.0.0.1' IDENTIFIED BY '$MY_PASS'; GRANT ALL ON mamori_test.* TO 'mamori'@'127.0.0.1';"
export MAMORI_TEST_MYSQL_URL="mysql://mamori:$MY_PASS@127.0.0.1:$MY_PORT/mamori_test"

stop_db_servers() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DB_TMP/pg/data" -m immediate stop >/dev/null 2>&1 || true
  if [ -s "$DB_TMP/my.pid" ]; then kill "$(cat "$DB_TMP/my.pid")" 2>/dev/null || true; fi
  sleep 0.5
  rm -rf "$DB_TMP"
}

#!/usr/bin/env bash
# Makes MariaDB ready for Techo: uses whatever already answers on $DB_HOST:$DB_PORT; else starts the installed
# server (the machine's own /var/lib/mysql on port 3306, else a private one in .local/mariadb/); else installs
# mariadb-server from Debian packages (root only) and starts it. Then creates the service databases and the
# local-dev user, idempotently, and checks that the user can log in.
# Usage: deploy/local/mariadb.sh start|stop|status
# stop only stops the private server this script started; a system or foreign MariaDB is left alone.
# Logs of the private server: .local/mariadb/error.log. Root access: socket first, then TCP (DB_ROOT_PASSWORD if set).
set -euo pipefail
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

MDB="$TECHO_LOCAL/mariadb"
PIDFILE="$MDB/mysqld.pid"
SOCKET="$MDB/mysqld.sock"
DATABASES=(techo_record techo_record_test techo_record_it techo_consent techo_consent_test techo_anchor techo_anchor_test techo_anchor_it techo_anchor_bench techo_record_gw_it techo_consent_gw_it techo_consent_cli_it techo_record_cli_it techo_anchor_cli_it techo_record_suite techo_consent_suite techo_anchor_suite techo_record_suite_it techo_consent_suite_it techo_anchor_suite_it techo_record_web_it techo_consent_web_it techo_anchor_web_it)
ROOT_ARGS=()

if [ -n "${DB_ROOT_PASSWORD:-}" ]; then
  export MYSQL_PWD="$DB_ROOT_PASSWORD"
fi

is_root() { [ "$(id -u)" -eq 0 ]; }

apt_install() {
  is_root || die "$* is not installed and installing it needs root: apt-get install $*"
  log "installing $* from Debian packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > "$MDB/apt-get.log" 2>&1 \
    || { tail -20 "$MDB/apt-get.log" >&2; die "apt-get install $* failed; log: $MDB/apt-get.log"; }
}

server_installed() { command -v mariadbd > /dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; }

ensure_client() {
  if ! command -v mariadb > /dev/null 2>&1; then
    apt_install mariadb-client
  fi
}

# True when root can log in with the given client arguments to the server listening on $DB_PORT (a socket may
# belong to another server, hence the port check).
root_works() {
  local port
  port="$(mariadb "$@" -uroot -N -B -e 'SELECT @@port' 2> /dev/null)" && [ "$port" = "$DB_PORT" ]
}

pick_root_access() {
  if root_works; then
    ROOT_ARGS=()
  elif [ -S "$SOCKET" ] && root_works --socket="$SOCKET"; then
    ROOT_ARGS=(--socket="$SOCKET")
  elif root_works -h "$DB_HOST" -P "$DB_PORT" --protocol=TCP; then
    ROOT_ARGS=(-h "$DB_HOST" -P "$DB_PORT" --protocol=TCP)
  else
    return 1
  fi
}

as_root() { mariadb "${ROOT_ARGS[@]}" -uroot "$@"; }

# The machine's own server (datadir /var/lib/mysql, /etc/mysql/my.cnf), started the way the machine starts it.
start_system_server() {
  log "starting the system MariaDB (/var/lib/mysql)"
  if id mysql > /dev/null 2>&1; then
    install -d -o mysql -g mysql /run/mysqld
  fi
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd > /dev/null 2>&1 \
    || service mariadb start > /dev/null 2>&1 || true
  wait_for_port "$DB_PORT" 30
}

# A private server in $MDB, owned by this script (stop stops only this one).
start_private_server() {
  log "starting a private MariaDB in $MDB on port $DB_PORT"
  local user
  user="$(id -un)"
  if [ ! -d "$MDB/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$MDB/data" --user="$user" \
      --auth-root-authentication-method=socket --skip-test-db > "$MDB/install-db.log" 2>&1 \
      || { tail -20 "$MDB/install-db.log" >&2; die "mariadb-install-db failed; log: $MDB/install-db.log"; }
  fi
  start_detached "$MDB/mariadbd.launcher.pid" "$MDB/mariadbd.out" \
    /usr/sbin/mariadbd --no-defaults --datadir="$MDB/data" --socket="$SOCKET" --pid-file="$PIDFILE" \
      --port="$DB_PORT" --bind-address=127.0.0.1 --user="$user" --skip-name-resolve \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
      --log-error="$MDB/error.log"
  local waited=0
  until port_open "$DB_PORT"; do
    if ! pid_alive "$MDB/mariadbd.launcher.pid" mariadbd; then
      tail -20 "$MDB/error.log" >&2 || true
      die "the private MariaDB died while starting; log: $MDB/error.log"
    fi
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -ge 240 ]; then die "the private MariaDB did not open port $DB_PORT within 60 s; log: $MDB/error.log"; fi
  done
}

start_server() {
  if ! server_installed; then
    apt_install mariadb-server
  fi
  if [ -d /var/lib/mysql/mysql ] && [ "$DB_PORT" = 3306 ] && is_root && start_system_server; then
    return 0
  fi
  start_private_server
}

provision() {
  local sql="" db host
  for db in "${DATABASES[@]}"; do
    sql+="CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  done
  # LOCAL-DEV-ONLY credentials (default techo/techo, see env.sh); never use them anywhere else.
  for host in 127.0.0.1 localhost; do
    sql+="CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD';"
    sql+="ALTER USER '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD';"
    sql+="GRANT ALL PRIVILEGES ON \`techo\\_%\`.* TO '$DB_USER'@'$host';"
  done
  as_root -e "$sql"
  MYSQL_PWD="$DB_PASSWORD" mariadb -h "$DB_HOST" -P "$DB_PORT" --protocol=TCP -u"$DB_USER" techo_record -e 'SELECT 1' > /dev/null \
    || die "user $DB_USER cannot log in to techo_record over TCP on $DB_HOST:$DB_PORT"
}

start() {
  mkdir -p "$MDB"
  if ! port_open "$DB_PORT"; then
    start_server
  fi
  ensure_client
  local tries=0
  until pick_root_access; do
    sleep 0.25
    tries=$((tries + 1))
    if [ "$tries" -ge 120 ]; then
      die "something answers on $DB_HOST:$DB_PORT but root cannot log in to it (socket or TCP; set DB_ROOT_PASSWORD if root has a password)"
    fi
  done
  provision
  log "MariaDB $(as_root -N -B -e 'SELECT VERSION()') ready on $DB_HOST:$DB_PORT ($(owner)); databases ${DATABASES[*]}; user $DB_USER (local-dev only)"
}

owner() {
  if pid_alive "$PIDFILE" mariadbd; then echo "private server, pid $(cat "$PIDFILE"), $MDB"; else echo "not started by this script"; fi
}

stop() {
  if pid_alive "$PIDFILE" mariadbd; then
    stop_pid "$PIDFILE" "private MariaDB" 60 mariadbd
  elif port_open "$DB_PORT"; then
    log "MariaDB on $DB_HOST:$DB_PORT was not started by this script; leaving it running"
  else
    log "MariaDB is not running"
  fi
  rm -f "$MDB/mariadbd.launcher.pid"
}

status() {
  if port_open "$DB_PORT"; then
    log "MariaDB answering on $DB_HOST:$DB_PORT ($(owner))"
  else
    log "MariaDB not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac

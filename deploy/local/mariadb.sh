#!/usr/bin/env bash
# Makes MariaDB ready for Techo: uses the one answering on $DB_PORT, else starts the installed server, else
# installs it from Debian packages (as root). Then creates the service databases and the local-dev user.
# Usage: deploy/local/mariadb.sh start|stop|status     Logs of a server started here: .local/mariadb/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

MDB="$TECHO_LOCAL/mariadb"
PIDFILE="$MDB/mysqld.pid"
DATABASES=(techo_record techo_record_test techo_consent techo_consent_test techo_anchor techo_anchor_test)

as_root() {
  if mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb -uroot "$@"
  elif [ -S "$MDB/mysqld.sock" ]; then
    mariadb --socket="$MDB/mysqld.sock" -uroot "$@"
  else
    mariadb -h "$DB_HOST" -P "$DB_PORT" -uroot "$@"
  fi
}

ensure_installed() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] && return 0
  [ "$(id -u)" -eq 0 ] || die "MariaDB is not installed and installing it needs root: apt-get install mariadb-server"
  log "installing mariadb-server from Debian packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
}

start_server() {
  ensure_installed
  # the machine's own service first (datadir /var/lib/mysql), as the machine image starts it
  if [ -d /var/lib/mysql/mysql ] && [ "$DB_PORT" = 3306 ]; then
    log "starting the system MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >/dev/null 2>&1 || service mariadb start >/dev/null 2>&1 || true
  else
    log "starting a private MariaDB in $MDB"
    mkdir -p "$MDB"
    local user
    user="$(id -un)"
    [ -d "$MDB/data/mysql" ] || mariadb-install-db --no-defaults --datadir="$MDB/data" --user="$user" \
      --auth-root-authentication-method=socket --skip-test-db >/dev/null
    nohup /usr/sbin/mariadbd --no-defaults --datadir="$MDB/data" --socket="$MDB/mysqld.sock" --pid-file="$PIDFILE" \
      --port="$DB_PORT" --bind-address=127.0.0.1 --user="$user" --character-set-server=utf8mb4 \
      --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M --log-error="$MDB/error.log" >/dev/null 2>&1 &
  fi
  wait_for_port "$DB_PORT" 60 || die "MariaDB did not open port $DB_PORT within 60 s"
  local tries=0
  until as_root -e 'SELECT 1' >/dev/null 2>&1; do
    sleep 0.25
    tries=$((tries + 1))
    if [ "$tries" -ge 120 ]; then die "MariaDB answers on $DB_PORT but root cannot log in"; fi
  done
}

provision() {
  local sql=""
  for db in "${DATABASES[@]}"; do
    sql+="CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  done
  for host in 127.0.0.1 localhost; do
    sql+="CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD';"
    sql+="GRANT ALL PRIVILEGES ON \`techo\\_%\`.* TO '$DB_USER'@'$host';"
  done
  as_root -e "$sql"
}

start() {
  if ! port_open "$DB_PORT"; then
    start_server
  fi
  provision
  log "MariaDB ready on $DB_HOST:$DB_PORT (databases ${DATABASES[*]}; user $DB_USER, local-dev only)"
}

status() {
  if port_open "$DB_PORT"; then
    log "MariaDB answering on $DB_HOST:$DB_PORT"
  else
    log "MariaDB not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  # only a server this script started in its private directory is stopped; a system one is left alone
  stop) stop_pid "$PIDFILE" "private MariaDB" 30 ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac

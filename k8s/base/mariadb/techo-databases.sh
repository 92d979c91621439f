# Sourced by the MariaDB image's entrypoint (/docker-entrypoint-initdb.d) when it initialises an EMPTY data
# directory: one database and one user per service, each user limited to its own database.
# The passwords come from the environment (Kubernetes: the *-db Secrets; docker-compose: local-dev defaults).
# Used by k8s/base/mariadb (configMapGenerator) and deploy/docker-compose.yml (bind mount).
# shellcheck shell=bash
for techo_service in record consent anchor; do
  techo_password_var="TECHO_${techo_service^^}_DB_PASSWORD"
  techo_password="${!techo_password_var:?$techo_password_var is not set}"
  docker_process_sql --database=mysql <<SQL
CREATE DATABASE IF NOT EXISTS \`techo_${techo_service}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${techo_service}'@'%' IDENTIFIED BY '${techo_password//\'/\'\'}';
GRANT ALL PRIVILEGES ON \`techo_${techo_service}\`.* TO '${techo_service}'@'%';
SQL
done
unset techo_service techo_password_var techo_password

#!/usr/bin/env bash
# Creates (or replaces) what the dev overlay references but does not commit, in namespace techo of the current
# kubectl context: random database passwords, the local-dev gateway token key and log checkpoint key, a self-signed
# Ingress certificate (techo-tls)
# (deploy/dev-keys.sh, in .local/keys/), and the devnet's published DEVELOPMENT-ONLY techoanchor key.
# Never for prod: there, create them as k8s/README.md shows.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
NAMESPACE=techo
ORIGIN="techo-dev.localhost/log"   # = log-origin in anchoring.yaml
# shellcheck source=deploy/dev-keys.sh
source "$ROOT/deploy/dev-keys.sh"

apply() { kubectl -n "$NAMESPACE" "$@" --dry-run=client -o yaml | kubectl apply -f -; }
password() { openssl rand -base64 24; }

kubectl get namespace "$NAMESPACE" > /dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
ensure_gateway_token_key
log_key="$(ensure_log_signing_key "$ORIGIN")"
iost_key="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["development_only_secret_keys"]["techoanchor"]["secret_key"])' \
  "$ROOT/iost/devnet/src/main/resources/genesis.json")"

# passwords only on first run: MariaDB creates its users from them once, on an empty volume
for secret in mariadb-root record-service-db consent-service-db anchor-service-db; do
  if ! kubectl -n "$NAMESPACE" get secret "$secret" > /dev/null 2>&1; then
    kubectl -n "$NAMESPACE" create secret generic "$secret" --from-literal=password="$(password)"
  fi
done
apply create secret generic anchor-service-keys --from-literal=log-signing-key="$(cat "$log_key")" \
  --from-literal=iost-secret-key="$iost_key"
apply create secret generic gateway-jwt --from-file=private.pem="$TECHO_KEYS/gateway-jwt-private.pem"
apply create configmap techo-gateway-jwt --from-file=public.pem="$TECHO_KEYS/gateway-jwt-public.pem"
if ! kubectl -n "$NAMESPACE" get secret techo-tls > /dev/null 2>&1; then
  tls_dir="$(mktemp -d)"
  openssl req -x509 -newkey ed25519 -nodes -days 365 -subj "/CN=techo.example.org" \
    -keyout "$tls_dir/tls.key" -out "$tls_dir/tls.crt" 2> /dev/null
  kubectl -n "$NAMESPACE" create secret tls techo-tls --cert="$tls_dir/tls.crt" --key="$tls_dir/tls.key"
  rm -rf "$tls_dir"
fi
echo "[techo] dev Secrets and ConfigMaps ready in namespace $NAMESPACE; now: kubectl apply -k k8s/overlays/dev"

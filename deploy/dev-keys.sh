# LOCAL-DEVELOPMENT keys, made once per machine in .local/keys/ (git-ignored) and never used anywhere else.
# Source it; do not run it. Used by deploy/compose-up.sh and k8s/overlays/dev/create-secrets.sh.
#   ensure_gateway_token_key           -> .local/keys/gateway-jwt-{private,public}.pem (the same key deploy/local/up.sh makes)
#   ensure_gateway_tls_cert            -> .local/keys/gateway-tls-{cert,key}.pem, a self-signed certificate for
#                                         localhost / 127.0.0.1 (the gateway's HTTPS port 8443)
#   ensure_log_signing_key ORIGIN      -> prints the path of the log's checkpoint key for ORIGIN (C2SP signed-note
#                                         private key; its verifier key is beside it, *.pub)
# shellcheck shell=bash

TECHO_KEYS="${TECHO_KEYS:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local/keys}"

ensure_gateway_token_key() {
  mkdir -p "$TECHO_KEYS"
  chmod 700 "$TECHO_KEYS"
  if [ ! -f "$TECHO_KEYS/gateway-jwt-private.pem" ]; then
    openssl genpkey -algorithm ed25519 -out "$TECHO_KEYS/gateway-jwt-private.pem" 2> /dev/null
    chmod 600 "$TECHO_KEYS/gateway-jwt-private.pem"
    openssl pkey -in "$TECHO_KEYS/gateway-jwt-private.pem" -pubout -out "$TECHO_KEYS/gateway-jwt-public.pem"
    printf '[techo] generated a local-dev gateway token key in %s\n' "$TECHO_KEYS" >&2
  fi
}

ensure_gateway_tls_cert() {
  mkdir -p "$TECHO_KEYS"
  chmod 700 "$TECHO_KEYS"
  if [ ! -f "$TECHO_KEYS/gateway-tls-cert.pem" ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$TECHO_KEYS/gateway-tls-key.pem" -out "$TECHO_KEYS/gateway-tls-cert.pem" 2> /dev/null
    chmod 600 "$TECHO_KEYS/gateway-tls-key.pem"
    printf '[techo] generated a self-signed local-dev TLS certificate in %s\n' "$TECHO_KEYS" >&2
  fi
}

# C2SP signed note: PRIVATE+KEY+<name>+<key hash>+<base64(0x01 || Ed25519 seed)>, where the key hash is the first
# 4 bytes of SHA-256(<name> "\n" 0x01 <public key>) in hex; the verifier key is <name>+<key hash>+<base64(0x01 || public key)>.
techo_hex() { od -An -v -tx1 | tr -d ' \n'; }
techo_unhex() { local hex; hex="$(cat)"; printf "$(printf '%s' "$hex" | sed 's/../\\x&/g')"; }

ensure_log_signing_key() {
  local origin="$1" file pem seed_hex pub_hex hash
  mkdir -p "$TECHO_KEYS"
  chmod 700 "$TECHO_KEYS"
  file="$TECHO_KEYS/log-signing-key-$(printf '%s' "$origin" | tr -c 'A-Za-z0-9._-' '_')"
  if [ ! -f "$file" ]; then
    pem="$(openssl genpkey -algorithm ed25519 2> /dev/null)"
    seed_hex="$(openssl pkey -outform DER <<< "$pem" | tail -c 32 | techo_hex)"
    pub_hex="$(openssl pkey -pubout -outform DER <<< "$pem" | tail -c 32 | techo_hex)"
    hash="$( { printf '%s\n' "$origin"; printf '01%s' "$pub_hex" | techo_unhex; } | openssl dgst -sha256 -binary | head -c 4 | techo_hex)"
    (umask 077 && printf 'PRIVATE+KEY+%s+%s+%s\n' "$origin" "$hash" "$(printf '01%s' "$seed_hex" | techo_unhex | base64 -w0)" > "$file")
    printf '%s+%s+%s\n' "$origin" "$hash" "$(printf '01%s' "$pub_hex" | techo_unhex | base64 -w0)" > "$file.pub"
    printf '[techo] generated a local-dev log checkpoint key in %s (verifier key: %s.pub)\n' "$file" "$file" >&2
  fi
  printf '%s\n' "$file"
}

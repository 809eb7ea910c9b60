#!/usr/bin/env bash
# Runs gonogo's TLS checks, testssl.sh and sslscan (all from Debian) against
# the same nginx TLS configurations on 127.0.0.1 and prints, per case, what
# each tool found for protocols, forward secrecy, chain, host name and expiry
# (docs/tls-comparison.md is this script's output). Certificates are made with
# the openssl command line; nginx runs in the foreground under `timeout` and is
# stopped at the end.
# Usage: bench/tls-compare.sh [path/to/gonogo]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gonogo=${1:-"$here/build/src/cli/gonogo"}
for tool in nginx testssl sslscan openssl python3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "missing: $tool (apt-get install nginx-light testssl.sh sslscan)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/gonogo-tls-compare.XXXXXX)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 365 -subj "/CN=gonogo compare CA" 2>/dev/null
leaf() {  # name CN SAN days [selfsigned]
  if [ "${5:-}" = self ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.crt" -days "$4" -subj "/CN=$2" -addext "subjectAltName=$3" 2>/dev/null
  else
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null
    printf 'subjectAltName=%s\n' "$3" > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.crt" -days "$4" -extfile "$1.ext" 2>/dev/null
  fi
}
leaf valid localhost "DNS:localhost,IP:127.0.0.1" 90
leaf expiring localhost "DNS:localhost,IP:127.0.0.1" 5
leaf wronghost other.test "DNS:other.test" 90
leaf selfsigned localhost "DNS:localhost,IP:127.0.0.1" 90 self
cases="valid:valid:TLSv1.2 TLSv1.3:HIGH:!aNULL
expiring:expiring:TLSv1.2 TLSv1.3:HIGH:!aNULL
wronghost:wronghost:TLSv1.2 TLSv1.3:HIGH:!aNULL
selfsigned:selfsigned:TLSv1.2 TLSv1.3:HIGH:!aNULL
tls10:valid:TLSv1 TLSv1.2:DEFAULT:@SECLEVEL=0
noforwardsecrecy:valid:TLSv1.2:AES128-SHA:AES256-SHA:@SECLEVEL=0"
port=18440
servers=""
while IFS=: read -r name cert protos ciphers; do
  port=$((port + 1))
  echo "$name $port" >> ports
  extra=""; [ "$name" = tls10 ] && extra="ssl_conf_command MinProtocol TLSv1;"
  servers+="server { listen 127.0.0.1:$port ssl; ssl_certificate $work/$cert.crt; ssl_certificate_key $work/$cert.key;
    ssl_protocols $protos; ssl_ciphers \"$ciphers\"; $extra
    add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always; location / { return 200 ok; } }
"
done <<< "$cases"
cat > nginx.conf <<CONF
daemon off; master_process off; pid $work/nginx.pid; error_log $work/error.log;
events { worker_connections 64; }
http { access_log off; client_body_temp_path $work/b; proxy_temp_path $work/p; fastcgi_temp_path $work/f; uwsgi_temp_path $work/u; scgi_temp_path $work/s;
$servers }
CONF
timeout 900 /usr/sbin/nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log" &
sleep 1
while read -r name p; do
  "$gonogo" probe "https://127.0.0.1:$p" --ca ca.pem --ttfb-samples 1 --format json --output "g-$name.json" -q >/dev/null || true
  timeout 300 testssl --quiet --color 0 --warnings off --protocols --server-defaults --fs --add-ca "$work/ca.pem" \
    --jsonfile "t-$name.json" "https://127.0.0.1:$p" >/dev/null 2>&1 || true
  timeout 120 sslscan --no-colour --xml="s-$name.xml" "127.0.0.1:$p" >/dev/null 2>&1 || true
done < ports
python3 - "$work" <<'PY'
import json, sys, xml.etree.ElementTree as ET, os
work = sys.argv[1]
names = [l.split()[0] for l in open(os.path.join(work, "ports"))]
print("| case | tool | protocols offered | forward secrecy | chain / host name | expiry |")
print("|---|---|---|---|---|---|")
for n in names:
    g = json.load(open(os.path.join(work, f"g-{n}.json")))
    sec17 = next(c for c in g["controls"] if c["id"] == "SEC-17")
    ev = " ".join(e.get("note", "") for e in sec17["evidence"])
    offered = [p for p in ("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3") if f"{p} offered" in ev]
    fs = "no" if "no forward secrecy with a current client" in sec17["message"] else "yes"
    msg = sec17["message"]
    chain = "not trusted" if "does not verify" in msg else ("wrong host" if "not valid for" in msg else "ok")
    days = ev.split(" days)")[0].rsplit("(", 1)[-1] if " days)" in ev else "?"
    print(f"| {n} | gonogo | {', '.join(offered)} | {fs} | {chain} | {days} days |")
    try:
        t = json.load(open(os.path.join(work, f"t-{n}.json")))
        f = {x["id"]: x["finding"] for x in t}
        tp = [name for key, name in (("SSLv3", "SSLv3"), ("TLS1", "TLSv1.0"), ("TLS1_1", "TLSv1.1"), ("TLS1_2", "TLSv1.2"), ("TLS1_3", "TLSv1.3"))
              if f.get(key, "").startswith("offered")]
        tfs = f.get("FS") or f.get("PFS") or "?"
        trust = f.get("cert_chain_of_trust", "?") + "; " + f.get("cert_trust", "?")
        print(f"| {n} | testssl.sh | {', '.join(tp)} | {tfs[:40]} | {trust[:60]} | {f.get('cert_expirationStatus', '?')} |")
    except Exception as e:
        print(f"| {n} | testssl.sh | (no result: {e}) | | | |")
    try:
        root = ET.parse(os.path.join(work, f"s-{n}.xml")).getroot()
        sp = [f"{p.get('type').upper() if p.get('type') == 'ssl' else 'TLSv'}{p.get('version')}" for p in root.iter("protocol") if p.get("enabled") == "1"]
        exp = root.find(".//not-valid-after")
        expired = root.find(".//expired")
        print(f"| {n} | sslscan | {', '.join(sp)} | | | {exp.text if exp is not None else '?'}{' (expired)' if expired is not None and expired.text == 'true' else ''} |")
    except Exception as e:
        print(f"| {n} | sslscan | (no result: {e}) | | | |")
PY

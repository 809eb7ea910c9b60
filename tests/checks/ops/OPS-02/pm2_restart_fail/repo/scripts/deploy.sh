#!/usr/bin/env bash
set -euo pipefail
npm ci --omit=dev
pm2 restart orders-api

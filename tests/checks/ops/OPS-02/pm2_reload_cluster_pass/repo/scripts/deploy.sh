#!/usr/bin/env bash
set -euo pipefail
git pull --ff-only
npm ci --omit=dev
pm2 reload ecosystem.config.js --update-env

#!/usr/bin/env bash
# Deploys Gateway to an existing resource group with the Azure CLI, then builds the Teams app package.
# Usage: infra/deploy.sh <resource-group> <name>   (name: short, e.g. gateway-rh8)
set -euo pipefail
rg="${1:?resource group}"
name="${2:?short name, e.g. gateway-rh8}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== infrastructure"
outputs=$(az deployment group create -g "$rg" -f infra/main.bicep -p name="$name" --query properties.outputs -o json)
web=$(echo "$outputs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["webAppName"]["value"])')
bot_id=$(echo "$outputs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["botId"]["value"])')

echo "== build"
npm ci --no-audit --no-fund
npm run build
rm -rf .deploy && mkdir -p .deploy
cp -r dist package.json package-lock.json .deploy/
cp -r cards .deploy/ 2>/dev/null || true
(cd .deploy && npm ci --omit=dev --no-audit --no-fund && python3 -m zipfile -c ../dist/gateway-app.zip .)

echo "== deploy"
az webapp deploy -g "$rg" -n "$web" --src-path dist/gateway-app.zip --type zip

infra/teams/package.sh "$bot_id" "$web.azurewebsites.net"

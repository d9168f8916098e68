#!/usr/bin/env bash
# Deploys Gateway to an existing resource group with the Azure CLI: infrastructure, the secrets (once), the compiled
# build, then the Teams app package. Run it again to upgrade: nothing is regenerated.
# Usage: infra/deploy.sh <resource-group> <name> [more Bicep parameters, e.g. botType=SingleTenant botAppId=<id>]
set -euo pipefail
rg="${1:?resource group}"
name="${2:?short name, e.g. gateway-rh8}"
shift 2
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

me=$(az ad signed-in-user show --query id -o tsv 2>/dev/null || true)
echo "== infrastructure (deployer ${me:-not a user: grant Key Vault Secrets Officer by hand})"
deployment="gateway-$(date +%Y%m%d%H%M%S)"
az deployment group create -g "$rg" -n "$deployment" -f infra/main.bicep -p name="$name" deployerObjectId="$me" "$@" -o none
output() { az deployment group show -g "$rg" -n "$deployment" --query "properties.outputs.$1.value" -o tsv; }
web=$(output webAppName)
vault=$(output keyVaultName)
bot_id=$(output botId)
base_url=$(output publicBaseUrl)

echo "== secrets in $vault (created once, never replaced)"
ensure_secret() {
  local secret="$1"
  for attempt in 1 2 3 4 5 6; do
    if az keyvault secret show --vault-name "$vault" -n "$secret" -o none 2>/dev/null; then echo "   $secret: kept"; return 0; fi
    if az keyvault secret set --vault-name "$vault" -n "$secret" --value "$(openssl rand -base64 48)" -o none 2>/dev/null; then echo "   $secret: created"; return 0; fi
    echo "   $secret: not yet allowed (role assignments take a minute to apply), trying again ($attempt)"; sleep 20
  done
  echo "Could not create $secret in $vault: give yourself Key Vault Secrets Officer on it and run again." >&2
  return 1
}
ensure_secret export-link-secret
ensure_secret jobs-api-key

echo "== build"
npm ci --no-audit --no-fund
npm run build
rm -rf .deploy && mkdir -p .deploy
cp -r dist package.json package-lock.json .deploy/
(cd .deploy && npm ci --omit=dev --ignore-scripts --no-audit --no-fund && python3 -m zipfile -c ../dist/gateway-app.zip .)

echo "== deploy"
az webapp deploy -g "$rg" -n "$web" --src-path dist/gateway-app.zip --type zip
# Key Vault references are read when the app starts: restart so a secret created just now is picked up.
az webapp restart -g "$rg" -n "$web"

echo "== Teams app package"
BOT_ID="$bot_id" PUBLIC_BASE_URL="$base_url" npm run package
echo "Check: curl -fsS $base_url/healthz"

#!/usr/bin/env bash
# Builds the Teams app package (manifest + icons) to upload in Teams admin centre or "Upload a custom app".
# Usage: infra/teams/package.sh <BOT_ID> <bot host name, e.g. gateway-rh8-web.azurewebsites.net> [TEAMS_APP_ID]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bot_id="${1:?BOT_ID (the managed identity client id printed by the deployment)}"
domain="${2:?host name of the web app}"
app_id="${3:-$bot_id}"
out="${OUT:-$here/../../dist/gateway-teams-app.zip}"
work="$(mktemp -d)"
sed -e "s/\${{BOT_ID}}/$bot_id/g" -e "s/\${{BOT_DOMAIN}}/$domain/g" -e "s/\${{TEAMS_APP_ID}}/$app_id/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
mkdir -p "$(dirname "$out")"
(cd "$work" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
echo "Teams app package: $out"

#!/usr/bin/env bash
# Compiles and lints every infra/**/*.bicep offline with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64),
# restored once into ~/.nuget/packages. Writes the ARM JSON beside each file's relative path in the output directory
# (main.json, app/storage.json, hooks/blob-events.json, ...) and prints that directory.
# Fails on any error or warning from `bicep build` or `bicep lint` (lint exits 0 on warnings: its output is checked).
#   scripts/bicep-build.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${BICEP_VERSION:-0.49.2}
PACKAGE=azure.bicep.commandline.linux-x64
NUGET=${NUGET_PACKAGES:-$HOME/.nuget/packages}
BICEP=$NUGET/$PACKAGE/$VERSION/tools/bicep
if [ ! -x "$BICEP" ]; then
  BICEP=$(find "$NUGET/$PACKAGE/$VERSION" -type f -name bicep 2>/dev/null | head -1 || true)
fi
if [ -z "$BICEP" ] || [ ! -f "$BICEP" ]; then
  tools=$(mktemp -d)
  trap 'rm -rf "$tools"' EXIT
  cat >"$tools/bicep-tools.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$VERSION]" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$tools/bicep-tools.csproj" -nologo >/dev/null
  BICEP=$(find "$NUGET/$PACKAGE/$VERSION" -type f -name bicep | head -1)
fi
chmod +x "$BICEP"
out=${1:-$(mktemp -d)}
mkdir -p "$out"
failed=0
while IFS= read -r file; do
  relative=${file#infra/}
  target="$out/${relative%.bicep}.json"
  mkdir -p "$(dirname "$target")"
  for step in build lint; do
    if [ "$step" = build ]; then
      diagnostics=$("$BICEP" build "$file" --outfile "$target" 2>&1) || failed=1
    else
      diagnostics=$("$BICEP" lint "$file" 2>&1) || failed=1
    fi
    if [ -n "$diagnostics" ]; then
      printf 'bicep %s %s:\n%s\n' "$step" "$file" "$diagnostics" >&2
      failed=1
    fi
  done
done < <(find infra -name '*.bicep' | sort)
[ "$failed" = 0 ] || { echo "bicep: errors or warnings above" >&2; exit 1; }
echo "$out"

#!/usr/bin/env bash
# Compiles infra/main.bicep offline with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64),
# restored once into ~/.nuget/packages. Prints the ARM JSON path; fails on any Bicep error or warning-as-error.
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
"$BICEP" build infra/main.bicep --outfile "$out/main.json"
echo "$out/main.json"

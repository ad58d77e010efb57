# azd postdeploy hook (Windows): the same as postdeploy.sh. Subscribes IngestBrochure's blob webhook to the BlobCreated
# events of brochures/ (infra/hooks/blob-events.bicep) once the deployed app answers; the webhook key is read inside
# the template, never here.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '../..')

$required = 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_STORAGE_ACCOUNT_NAME',
            'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'SERVICE_API_URI'
foreach ($name in $required) {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "postdeploy: $name is not set; run this through azd (azd up, or azd hooks run postdeploy) after azd provision"
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { throw 'postdeploy: the Azure CLI (az) is required; see README, Deploy to Azure' }

Write-Host "postdeploy: waiting for $env:SERVICE_API_URI/api/health"
for ($i = 0; $i -lt 30; $i++) {
    try { Invoke-WebRequest -UseBasicParsing "$env:SERVICE_API_URI/api/health" | Out-Null; break } catch { Start-Sleep -Seconds 10 }
}

$deadLetter = if ($env:AZURE_EVENTGRID_DEADLETTER_CONTAINER) { $env:AZURE_EVENTGRID_DEADLETTER_CONTAINER } else { 'brochure-events-deadletter' }
for ($attempt = 1; ; $attempt++) {
    Write-Host "postdeploy: creating the Event Grid subscription (attempt $attempt)"
    az deployment group create `
        --subscription $env:AZURE_SUBSCRIPTION_ID `
        --resource-group $env:AZURE_RESOURCE_GROUP `
        --name brochure-events `
        --template-file infra/hooks/blob-events.bicep `
        --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME systemTopicName=$env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME `
                     storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME deadLetterContainer=$deadLetter `
        --only-show-errors --output none
    if ($LASTEXITCODE -eq 0) { Write-Host 'postdeploy: BlobCreated in brochures/ now reaches IngestBrochure'; exit 0 }
    if ($attempt -ge 5) { throw 'postdeploy: the subscription could not be created; fix the error above and run: azd hooks run postdeploy' }
    Start-Sleep -Seconds 30
}

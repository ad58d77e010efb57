// SSTC catalogue on Azure: a Flex Consumption Function App (.NET 10 isolated) reading and writing one storage
// account through a user-assigned managed identity, with no connection strings or keys in app settings; blob uploads
// reach the function through an Event Grid system topic (its subscription is created by the azd postdeploy hook,
// infra/hooks/blob-events.bicep, once the function's webhook exists). `azd up` deploys it; see README "Deploy to Azure".
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; the resource group and the resource token derive from it.')
param environmentName string

@minLength(1)
@description('Region for every resource (one that offers Flex Consumption).')
param location string

@description('Object id of the deploying user, allowed to upload brochures with `az storage blob upload --auth-mode login`; empty for none.')
param principalId string = ''

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Function App name; default func-sstc-<token>.')
param functionAppName string = ''

@description('Storage account name (3-24 lowercase letters and digits); default stsstc<token>.')
@maxLength(24)
param storageAccountName string = ''

@description('Most instances the app scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB: 2048 fits PDF extraction in its sandbox; 512 is cheaper, 4096 for very large brochures.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var tags = { 'azd-env-name': environmentName }
// Like the azd samples: a short, stable, unique suffix per subscription, environment and region.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var appName = !empty(functionAppName) ? functionAppName : 'func-sstc-${resourceToken}'
var deploymentContainer = 'app-package-${take(appName, 32)}-${take(resourceToken, 7)}'
var deadLetterContainer = 'brochure-events-deadletter'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-sstc-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: !empty(storageAccountName) ? storageAccountName : 'stsstc${resourceToken}'
    location: location
    tags: tags
    deploymentContainer: deploymentContainer
    deadLetterContainer: deadLetterContainer
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-sstc-${resourceToken}'
    applicationInsightsName: 'appi-sstc-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module app 'app/app.bicep' = {
  name: 'app'
  scope: resourceGroup
  params: {
    name: appName
    planName: 'plan-sstc-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainer: deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app starts with identity-based storage settings: its roles must exist first.
  dependsOn: [rbac]
}

module events 'app/events.bicep' = {
  name: 'events'
  scope: resourceGroup
  params: {
    name: 'evgt-sstc-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deadLetterContainer: deadLetterContainer
  }
}

// azd stores these in the environment (.azure/<env>/.env); the postdeploy hook reads them.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = events.outputs.name
output AZURE_EVENTGRID_DEADLETTER_CONTAINER string = deadLetterContainer
@description('The app\'s root URL.')
output SERVICE_API_URI string = app.outputs.uri
@description('Base URL of the HTTP API (GET <url>/projects, POST <url>/brochures, ...).')
output API_URL string = '${app.outputs.uri}/api'

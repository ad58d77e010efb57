// SSTC catalogue on Azure: a Flex Consumption Function App (.NET 10 isolated) reading and writing one storage
// account through a user-assigned managed identity; no connection strings or keys in app settings.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; resource names derive from it.')
param environmentName string

@minLength(1)
@description('Region for every resource.')
param location string

@description('Object id of the deploying user, granted the same data roles so they can upload brochures with az storage.')
param principalId string = ''

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-sstc-${resourceToken}'
var deploymentContainer = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
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
    name: 'stsstc${resourceToken}'
    location: location
    tags: tags
    deploymentContainer: deploymentContainer
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
    name: functionAppName
    planName: 'plan-sstc-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainer: deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.connectionString
  }
  dependsOn: [rbac]
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output SERVICE_API_URI string = app.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

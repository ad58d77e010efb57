// The Function App: Flex Consumption (FC1), .NET 10 isolated worker, identity-based connections only.
@secure()
@description('Key that signs API continuation tokens; generated per deployment unless given.')
param continuationTokenKey string = newGuid()

@description('Function App name; also its host name <name>.azurewebsites.net.')
param name string
@description('Flex Consumption plan name.')
param planName string
param location string
param tags object
@description('Resource id of the user-assigned managed identity every connection authenticates as.')
param identityId string
@description('Client id of that identity (what the identity-based settings name).')
param identityClientId string
@description('Storage account for the host (AzureWebJobsStorage), the catalogue and the deployment package.')
param storageAccountName string
@description('Blob container Flex Consumption deploys the app package to.')
param deploymentContainer string
@description('Application Insights connection string (an endpoint and an id, not a secret: ingestion needs a token).')
param applicationInsightsConnectionString string
@minValue(40)
@maxValue(1000)
@description('Most instances the app scales out to.')
param maximumInstanceCount int
@allowed([512, 2048, 4096])
@description('Memory per instance (MB).')
param instanceMemoryMB int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      // Host storage (the blob extension's event queue, host locks and keys): identity-based, no keys.
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // The catalogue's own blobs and tables (read by ServiceRegistration.AddSstcCatalogue).
      CatalogueStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      CatalogueStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      CatalogueStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      CatalogueStorage__credential: 'managedidentity'
      CatalogueStorage__clientId: identityClientId
      // The dashboard (DashboardFunction, Route = "/") answers the site root; without this the Functions host's own
      // "Your Functions app is up and running" page may answer / instead.
      AzureWebJobsDisableHomepage: 'true'
      // glibc's per-thread malloc arenas kept ~50 MB of freed native memory in a worker holding 20,000 projects;
      // two arenas keep the instance near the size of its data (docs/benchmarks.md, catalogue scale).
      MALLOC_ARENA_MAX: '2'
      // Signs continuation tokens (no account key exists to derive it from); a new deployment rotates it.
      Catalogue__ContinuationTokenKey: continuationTokenKey
      // Telemetry from the host and the worker, sent with the identity's token (the resource refuses keys).
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    }
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'

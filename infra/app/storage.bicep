// One account: the brochures container the blob trigger watches, the catalogue tables, the Functions host's queues and
// blobs, the Event Grid dead letters and the Flex Consumption deployment container. Shared keys are off: identities only.
@description('Storage account name (3-24 lowercase letters and digits).')
param name string
param location string
param tags object
@description('Blob container holding the deployment package Flex Consumption runs.')
param deploymentContainer string
@description('Blob container where Event Grid puts BlobCreated events it could not deliver.')
param deadLetterContainer string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// The container name is the one in IngestBrochure's [BlobTrigger("brochures/{name}")].
resource brochures 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'brochures'
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource deadLetters 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deadLetterContainer
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// The app also creates missing tables on first use; declaring them makes a fresh deployment queryable at once.
resource catalogueTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in ['brochures', 'projects']: {
  parent: tableService
  name: table
}]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table

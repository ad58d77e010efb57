// The Event Grid system topic for the storage account: the source of the BlobCreated events that drive the blob trigger
// (Flex Consumption runs Event Grid–sourced blob triggers only). Its subscription to the function's webhook is made
// after the code is deployed (infra/hooks/blob-events.bicep, run by the azd postdeploy hook): Event Grid validates a
// webhook when the subscription is created, so the function must already answer there.
@description('System topic name.')
param name string
param location string
param tags object
@description('Storage account whose blob events the topic publishes.')
param storageAccountName string
@description('Container Event Grid writes undeliverable events to; the topic\'s identity may write there and nowhere else.')
param deadLetterContainer string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetters 'containers' existing = {
      name: deadLetterContainer
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  // Dead-lettering with this identity: the account accepts no keys.
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Storage Blob Data Contributor on the dead-letter container only.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetters.id, systemTopic.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage::blobService::deadLetters
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = systemTopic.name

// The Event Grid subscriptions of brochures/: BlobCreated → the blob extension's webhook of IngestBrochure (the blob
// trigger), and BlobDeleted → the BlobDeleted function (POST /api/events/blob-deleted), which takes a deleted file's
// brochure out of the catalogue within seconds (the Reconcile timer function is the safety net for missed events). Deployed by the azd postdeploy hook (postdeploy.sh / .ps1) with `az deployment group create`, after
// the code: Event Grid validates the webhook when the subscription is created, and only the running app answers it.
// The webhook key is read here with listKeys, so it never passes through a script, a setting or a deployment output.
targetScope = 'resourceGroup'

@description('The Function App whose blob extension webhook receives the events.')
param functionAppName string

@description('The storage account\'s Event Grid system topic (infra/app/events.bicep).')
param systemTopicName string

@description('Storage account holding the dead-letter container.')
param storageAccountName string

@description('Container for events Event Grid could not deliver.')
param deadLetterContainer string = 'brochure-events-deadletter'

@description('Delivery attempts before an event is dead-lettered (Event Grid retries with growing delays).')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Minutes an undelivered event is retried before it is dead-lettered.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// The Functions host creates the blobs_extension system key when it starts with an Event Grid–sourced blob trigger.
// (POST <site>/host/default/listKeys; Bicep has no type definitions for Microsoft.Web/sites/host to declare it as a resource.)
var webhookKey = listKeys('${functionApp.id}/host/default', '2023-12-01').systemKeys.blobs_extension

resource brochuresCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'brochures-to-ingest-brochure'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // Host.Functions.<name> is how the Functions host names the function IngestBrochure ([Function("IngestBrochure")]).
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure&code=${webhookKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      // The container of [BlobTrigger("brochures/{name}")]; other containers (host storage, deployment) stay silent.
      subjectBeginsWith: '/blobServices/default/containers/brochures/'
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
}

// The app's default function key, for the BlobDeleted function (AuthorizationLevel.Function).
var functionKey = listKeys('${functionApp.id}/host/default', '2023-12-01').functionKeys.default

resource brochuresDeleted 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'brochures-deleted-to-catalogue'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/api/events/blob-deleted?code=${functionKey}'
        maxEventsPerBatch: 10
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      subjectBeginsWith: '/blobServices/default/containers/brochures/'
      includedEventTypes: ['Microsoft.Storage.BlobDeleted']
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
}

output subscriptionName string = brochuresCreated.name
output deletedSubscriptionName string = brochuresDeleted.name

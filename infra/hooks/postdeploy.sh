#!/bin/sh
# azd postdeploy hook: subscribes IngestBrochure's blob webhook to the BlobCreated events of brochures/
# (infra/hooks/blob-events.bicep). It runs after the code is deployed because Event Grid validates a webhook when the
# subscription is created, and the webhook, with its blobs_extension system key, exists only once the app runs.
# The key is read inside the template (listKeys): it never appears here, in settings or in deployment outputs.
# azd passes the environment's values (main.bicep outputs) as environment variables; rerun with `azd hooks run postdeploy`.
set -eu
cd "$(dirname "$0")/../.."

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_STORAGE_ACCOUNT_NAME \
            AZURE_EVENTGRID_SYSTEM_TOPIC_NAME SERVICE_API_URI; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set; run this through azd (azd up, or azd hooks run postdeploy) after azd provision" >&2
    exit 1
  fi
done
command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required; see README, Deploy to Azure" >&2; exit 1; }

echo "postdeploy: waiting for $SERVICE_API_URI/api/health"
for _ in $(seq 1 30); do
  curl -fsS -o /dev/null "$SERVICE_API_URI/api/health" && break
  sleep 10
done

# The host creates the blobs_extension key when it starts the blob extension; an attempt made too early fails, so retry.
attempt=1
while :; do
  echo "postdeploy: creating the Event Grid subscription (attempt $attempt)"
  if az deployment group create \
      --subscription "$AZURE_SUBSCRIPTION_ID" \
      --resource-group "$AZURE_RESOURCE_GROUP" \
      --name brochure-events \
      --template-file infra/hooks/blob-events.bicep \
      --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" \
                   systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
                   storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
                   deadLetterContainer="${AZURE_EVENTGRID_DEADLETTER_CONTAINER:-brochure-events-deadletter}" \
      --only-show-errors --output none; then
    echo "postdeploy: BlobCreated in brochures/ now reaches IngestBrochure"
    exit 0
  fi
  if [ "$attempt" -ge 5 ]; then
    echo "postdeploy: the subscription could not be created; fix the error above and run: azd hooks run postdeploy" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 30
done

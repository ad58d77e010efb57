// Application Insights on a Log Analytics workspace; the app authenticates to it with its managed identity.
@description('Log Analytics workspace name.')
param logAnalyticsName string
@description('Application Insights name.')
param applicationInsightsName string
param location string
param tags object
@description('Days the workspace keeps data.')
param retentionInDays int = 30

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    sku: { name: 'PerGB2018' }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Instrumentation keys cannot send telemetry: Entra ID tokens only (Monitoring Metrics Publisher, see rbac.bicep).
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString

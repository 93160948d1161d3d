// Log Analytics (container logs, the app's JSON logs) and Application Insights on top of it.
param name string
param location string
param tags object

@description('Days the workspace keeps logs.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

// Names only: the consumers read keys and connection strings themselves, so no secret passes through an output.
output logAnalyticsWorkspaceName string = workspace.name
output applicationInsightsName string = appInsights.name

// Front Door Standard's profile and endpoint, created before the app: the endpoint's host name is the base of every
// media URL the app writes (NewsCms:Media:PublicBaseUrl). The origin and routes follow in frontdoor-routes.bicep.
param name string
param tags object

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: '${name}-fd'
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: '${name}-${uniqueString(resourceGroup().id)}'
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

output profileName string = profile.name
output endpointName string = endpoint.name
output hostName string = endpoint.properties.hostName

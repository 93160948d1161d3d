// Front Door's origin (the container app) and its three routes:
//   /media/*   cached, query string ignored: media URLs are content-addressed and the app sends max-age of a year
//   /graphql   cached with the query string as part of the key: anonymous GETs (persisted documents) carry
//              public, max-age=NewsCms:GraphQL:GetCacheMaxAgeSeconds; POSTs and signed-in calls (no-store) never are
//   /*         not cached: the admin, its Blazor WebSocket, sign-in, health; WebSockets need a route without caching
param profileName string
param endpointName string

@description('The container app\'s ingress host name.')
param originHostName string

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' existing = {
  parent: profile
  name: endpointName
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'newscms'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    healthProbeSettings: {
      probePath: '/healthz'
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 30
    }
    // One origin (Container Apps balances its replicas and keeps the admin sticky with its own cookie): Front Door's
    // affinity would add nothing. With several regions as origins, enable it so an admin stays in one region.
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'containerapp'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

resource mediaRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'media'
  dependsOn: [origin]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    patternsToMatch: ['/media/*']
    supportedProtocols: ['Https']
    httpsRedirect: 'Disabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'IgnoreQueryString'
      compressionSettings: {
        // Images and video are compressed already; PDFs gain little.
        isCompressionEnabled: false
      }
    }
  }
}

resource graphQLRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'graphql'
  dependsOn: [origin]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    patternsToMatch: ['/graphql']
    supportedProtocols: ['Https']
    httpsRedirect: 'Disabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'UseQueryString'
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: [
          'application/json'
          'application/graphql-response+json'
        ]
      }
    }
  }
}

resource defaultRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'default'
  dependsOn: [origin]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    patternsToMatch: ['/*']
    supportedProtocols: ['Http', 'Https']
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    // No cacheConfiguration: caching is off for the admin, sign-in and everything not matched above.
  }
}

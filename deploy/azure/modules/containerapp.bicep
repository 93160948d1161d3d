// The Container Apps environment and the NewsCms app: the image from deploy/docker/Dockerfile, its secrets read from
// Key Vault through the user-assigned identity, sticky sessions for the admin's Blazor Server circuits.
param name string
param location string
param tags object

param identityId string
param identityClientId string
param logAnalyticsWorkspaceName string
param applicationInsightsName string
param registryLoginServer string
param image string

param databaseSecretUri string
param redisSecretUri string

@description('Empty when no preview signing key was given.')
param previewSigningKeySecretUri string

@description('Empty when no SMTP password was given.')
param smtpPasswordSecretUri string

param blobEndpoint string
param mediaContainerName string
param mediaPublicBaseUrl string
param previewPageUrl string
param newsletterPublicBaseUrl string
param minReplicas int
param maxReplicas int
param concurrentRequestsPerReplica int
param graphQLGetCacheMaxAgeSeconds int
param forwardedHeadersKnownNetworks string[]
param otlpEndpoint string
param smtpHost string
param smtpPort int
param smtpUserName string
param mailFrom string

@description('CPU cores per replica (0.25 steps).')
param cpu string = '1.0'

@description('Memory per replica: twice the cores in GiB on the consumption plan.')
param memory string = '2Gi'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    zoneRedundant: false
  }
}

var keyVaultSecrets = concat(
  [
    { name: 'newscms-database', keyVaultUrl: databaseSecretUri, identity: identityId }
    { name: 'newscms-redis', keyVaultUrl: redisSecretUri, identity: identityId }
  ],
  empty(previewSigningKeySecretUri)
    ? []
    : [{ name: 'newscms-preview-signing-key', keyVaultUrl: previewSigningKeySecretUri, identity: identityId }],
  empty(smtpPasswordSecretUri)
    ? []
    : [{ name: 'newscms-smtp-password', keyVaultUrl: smtpPasswordSecretUri, identity: identityId }]
)

var forwardedHeadersSettings = [
  for (network, i) in forwardedHeadersKnownNetworks: { name: 'NewsCms__ForwardedHeaders__KnownNetworks__${i}', value: network }
]

// Configuration keys as environment variables (section:key becomes section__key); the same keys as deploy/compose.yaml.
var settings = concat(
  [
    { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
    { name: 'NewsCms__Database__Provider', value: 'SqlServer' }
    { name: 'NewsCms__Database__SeedDemoContent', value: 'false' }
    { name: 'ConnectionStrings__NewsCms', secretRef: 'newscms-database' }
    { name: 'ConnectionStrings__Redis', secretRef: 'newscms-redis' }
    { name: 'NewsCms__Media__Store', value: 'AzureBlob' }
    { name: 'NewsCms__Media__AzureBlob__AccountUrl', value: blobEndpoint }
    { name: 'NewsCms__Media__AzureBlob__Container', value: mediaContainerName }
    // Media URLs point at Front Door, which caches them for as long as the app says (a year: they never change).
    { name: 'NewsCms__Media__PublicBaseUrl', value: mediaPublicBaseUrl }
    { name: 'NewsCms__GraphQL__GetCacheMaxAgeSeconds', value: string(graphQLGetCacheMaxAgeSeconds) }
    // DefaultAzureCredential picks the user-assigned identity by this id (Blob Storage).
    { name: 'AZURE_CLIENT_ID', value: identityClientId }
    { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
    { name: 'OTEL_SERVICE_NAME', value: 'newscms' }
  ],
  empty(previewSigningKeySecretUri) ? [] : [{ name: 'NewsCms__Preview__SigningKey', secretRef: 'newscms-preview-signing-key' }],
  empty(previewPageUrl) ? [] : [{ name: 'NewsCms__Preview__PageUrl', value: previewPageUrl }],
  empty(newsletterPublicBaseUrl) ? [] : [{ name: 'NewsCms__Newsletter__PublicBaseUrl', value: newsletterPublicBaseUrl }],
  empty(otlpEndpoint) ? [] : [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }],
  forwardedHeadersSettings,
  empty(smtpHost)
    ? []
    : [
        { name: 'NewsCms__Mail__Transport', value: 'Smtp' }
        { name: 'NewsCms__Mail__From', value: mailFrom }
        { name: 'NewsCms__Mail__Smtp__Host', value: smtpHost }
        { name: 'NewsCms__Mail__Smtp__Port', value: string(smtpPort) }
      ],
  empty(smtpUserName) ? [] : [{ name: 'NewsCms__Mail__Smtp__UserName', value: smtpUserName }],
  empty(smtpPasswordSecretUri) ? [] : [{ name: 'NewsCms__Mail__Smtp__Password', secretRef: 'newscms-smtp-password' }]
)

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-app'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: managedEnvironment.id
    configuration: {
      // Sticky sessions work in single revision mode only.
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
        // A Blazor Server circuit lives in one replica: the admin's page and its WebSocket must reach the same one.
        // Everything else is stateless; the cookie costs the API nothing.
        stickySessions: {
          affinity: 'sticky'
        }
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      secrets: keyVaultSecrets
    }
    template: {
      containers: [
        {
          name: 'newscms'
          image: '${registryLoginServer}/${image}'
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: settings
          probes: [
            {
              // Up to two minutes to start (migrations are checked, the key ring is read) before liveness counts.
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 5
              failureThreshold: 24
              timeoutSeconds: 3
            }
            {
              // Alive: touches no dependency, so a database outage never restarts every replica at once.
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 15
              failureThreshold: 3
              timeoutSeconds: 3
            }
            {
              // Ready: database, Blob Storage and Redis answer; a replica that cannot reach them gets no traffic.
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
              timeoutSeconds: 5
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequestsPerReplica)
              }
            }
          }
        ]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn

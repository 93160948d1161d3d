// NewsCms on Azure: the image on Container Apps behind Front Door, with Azure SQL, Blob Storage, Azure Cache for Redis,
// Key Vault for every secret and Log Analytics/Application Insights. One resource group, one deployment:
//
//   az deployment group create -g RG -f deploy/azure/main.bicep -p deploy/azure/main.bicepparam
//
// The container registry is not created here: the image must be pushed before the app can start, so the registry
// comes first (deploy/README.md). The schema is applied by deploy/sqlserver/apply-migrations.sh, never by the app.
targetScope = 'resourceGroup'

@description('Prefix of every resource name: lower-case letters and digits.')
@minLength(3)
@maxLength(12)
param name string = 'newscms'

@description('Region of everything except Front Door, which is global.')
param location string = resourceGroup().location

@description('An existing Azure Container Registry in this resource group that holds the image.')
param containerRegistryName string

@description('The image in that registry, repository and tag: newscms:1.4.0.')
param image string

@description('The SQL administrator, used only by the migration step (deploy/sqlserver/apply-migrations.sh).')
param sqlAdministratorLogin string = 'newscmsadmin'

@description('The SQL administrator\'s password; kept in Key Vault as sql-administrator-password.')
@secure()
@minLength(12)
param sqlAdministratorPassword string

@description('The app\'s own login (newscms_app, read and write rows only), created by the migration step with this password.')
@secure()
@minLength(12)
param appDatabasePassword string

@description('Optional Microsoft Entra administrator of the SQL server (a group is best): its display name.')
param sqlEntraAdministratorLogin string = ''

@description('Optional Microsoft Entra administrator of the SQL server: its object id.')
param sqlEntraAdministratorObjectId string = ''

@description('Database SKU. A news spike is reads the CDN mostly absorbs; the writes are the newsroom\'s. See deploy/README.md.')
param sqlDatabaseSku object = {
  name: 'GP_Gen5'
  tier: 'GeneralPurpose'
  family: 'Gen5'
  capacity: 2
}

@description('Azure Cache for Redis size: Standard (replicated) C1 holds the counters and invalidation channel with room to spare.')
param redisSku object = {
  name: 'Standard'
  family: 'C'
  capacity: 1
}

@description('Optional preview-link signing key (base64 of at least 32 bytes). Empty: the replicas share one kept in the database.')
@secure()
param previewSigningKey string = ''

@description('Optional: the frontend\'s preview page, which receives ?token= (NewsCms:Preview:PageUrl).')
param previewPageUrl string = ''

@description('Optional: the public site that serves the newsletter pages and /newsletter/unsubscribe (NewsCms:Newsletter:PublicBaseUrl).')
param newsletterPublicBaseUrl string = ''

@description('Replicas kept running at all times; two, so one can restart without an outage.')
@minValue(1)
param minReplicas int = 2

@description('Replicas at most, under load.')
@minValue(1)
param maxReplicas int = 10

@description('Concurrent requests per replica above which Container Apps adds a replica.')
@minValue(1)
param concurrentRequestsPerReplica int = 50

@description('Max-age of anonymous GraphQL GET responses, which Front Door caches (NewsCms:GraphQL:GetCacheMaxAgeSeconds).')
@minValue(0)
param graphQLGetCacheMaxAgeSeconds int = 30

@description('Optional CIDR ranges whose X-Forwarded-* headers the app trusts, such as the environment\'s infrastructure subnet.')
param forwardedHeadersKnownNetworks string[] = []

@description('Optional OTLP endpoint for traces and metrics (OTEL_EXPORTER_OTLP_ENDPOINT), e.g. an OpenTelemetry collector.')
param otlpEndpoint string = ''

@description('Optional SMTP relay for the newsroom\'s mail. Empty: mail stays in the container\'s pickup folder (sent nowhere).')
param smtpHost string = ''

param smtpPort int = 587

param smtpUserName string = ''

@secure()
param smtpPassword string = ''

@description('The From address of every message.')
param mailFrom string = 'newsroom@example.com'

@description('Key Vault purge protection: on in production (it cannot be switched off again).')
param keyVaultPurgeProtection bool = true

param tags object = {
  application: 'newscms'
}

var suffix = uniqueString(resourceGroup().id)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-app-id'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    tags: tags
  }
}

module data 'modules/data.bicep' = {
  name: 'data'
  params: {
    name: name
    suffix: suffix
    location: location
    tags: tags
    appPrincipalId: identity.properties.principalId
    containerRegistryName: containerRegistryName
    sqlAdministratorLogin: sqlAdministratorLogin
    sqlAdministratorPassword: sqlAdministratorPassword
    appDatabasePassword: appDatabasePassword
    sqlEntraAdministratorLogin: sqlEntraAdministratorLogin
    sqlEntraAdministratorObjectId: sqlEntraAdministratorObjectId
    sqlDatabaseSku: sqlDatabaseSku
    redisSku: redisSku
    previewSigningKey: previewSigningKey
    smtpPassword: smtpPassword
    keyVaultPurgeProtection: keyVaultPurgeProtection
  }
}

// The endpoint first: its host name is the media URLs' base, and the app's address is the origin behind it.
module edge 'modules/frontdoor-endpoint.bicep' = {
  name: 'frontdoor-endpoint'
  params: {
    name: name
    tags: tags
  }
}

module app 'modules/containerapp.bicep' = {
  name: 'containerapp'
  params: {
    name: name
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    logAnalyticsWorkspaceName: monitoring.outputs.logAnalyticsWorkspaceName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    registryLoginServer: data.outputs.registryLoginServer
    image: image
    databaseSecretUri: data.outputs.databaseConnectionSecretUri
    redisSecretUri: data.outputs.redisConnectionSecretUri
    previewSigningKeySecretUri: empty(previewSigningKey) ? '' : data.outputs.previewSigningKeySecretUri
    smtpPasswordSecretUri: empty(smtpPassword) ? '' : data.outputs.smtpLoginSecretUri
    blobEndpoint: data.outputs.blobEndpoint
    mediaContainerName: data.outputs.mediaContainerName
    mediaPublicBaseUrl: 'https://${edge.outputs.hostName}'
    previewPageUrl: previewPageUrl
    newsletterPublicBaseUrl: newsletterPublicBaseUrl
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    concurrentRequestsPerReplica: concurrentRequestsPerReplica
    graphQLGetCacheMaxAgeSeconds: graphQLGetCacheMaxAgeSeconds
    forwardedHeadersKnownNetworks: forwardedHeadersKnownNetworks
    otlpEndpoint: otlpEndpoint
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUserName: smtpUserName
    mailFrom: mailFrom
  }
}

module routes 'modules/frontdoor-routes.bicep' = {
  name: 'frontdoor-routes'
  params: {
    profileName: edge.outputs.profileName
    endpointName: edge.outputs.endpointName
    originHostName: app.outputs.fqdn
  }
}

@description('The public address: Front Door in front of the app.')
output publicUrl string = 'https://${edge.outputs.hostName}'

@description('The container app\'s own address, behind Front Door.')
output containerAppUrl string = 'https://${app.outputs.fqdn}'

@description('What the migration step connects to.')
output sqlServerFqdn string = data.outputs.sqlServerFqdn

output sqlDatabaseName string = data.outputs.sqlDatabaseName

output keyVaultName string = data.outputs.keyVaultName

output appIdentityClientId string = identity.properties.clientId

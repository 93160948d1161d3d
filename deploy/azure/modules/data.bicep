// Everything with state or secrets: Azure SQL, the media storage account, Azure Cache for Redis and the Key Vault that
// holds their connection strings, plus the app identity's roles on them and on the container registry.
param name string
param suffix string
param location string
param tags object

@description('Principal id of the app\'s user-assigned identity.')
param appPrincipalId string

param containerRegistryName string
param sqlAdministratorLogin string

@secure()
param sqlAdministratorPassword string

@secure()
param appDatabasePassword string

param sqlEntraAdministratorLogin string
param sqlEntraAdministratorObjectId string
param sqlDatabaseSku object
param redisSku object

@secure()
param previewSigningKey string

@secure()
param smtpPassword string

param keyVaultPurgeProtection bool

@description('The login the migration step creates for the app (deploy/sqlserver/apply-migrations.sh).')
param appDatabaseLogin string = 'newscms_app'

param databaseName string = 'NewsCms'

param mediaContainerName string = 'media'

var previewSigningKeySecretName = 'newscms-preview-signing-key'
var smtpPasswordSecretName = 'newscms-smtp-password'

// Built-in role definition ids (the same in every tenant).
var roles = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: containerRegistryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, appPrincipalId, roles.acrPull)
  scope: registry
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
  }
}

// --- Azure SQL -----------------------------------------------------------------------------------------------------

resource sqlServer 'Microsoft.Sql/servers@2023-08-01' = {
  name: '${name}-sql-${suffix}'
  location: location
  tags: tags
  properties: {
    administratorLogin: sqlAdministratorLogin
    administratorLoginPassword: sqlAdministratorPassword
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: empty(sqlEntraAdministratorObjectId)
      ? null
      : {
          administratorType: 'ActiveDirectory'
          login: sqlEntraAdministratorLogin
          sid: sqlEntraAdministratorObjectId
          tenantId: tenant().tenantId
          principalType: 'Group'
          azureADOnlyAuthentication: false
        }
  }
}

// Container Apps without a virtual network reach SQL from Azure's shared outbound addresses: this rule admits Azure
// services only (0.0.0.0 is Azure's convention for it), not the internet. Private endpoints are the next step up.
resource allowAzureServices 'Microsoft.Sql/servers/firewallRules@2023-08-01' = {
  parent: sqlServer
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: sqlServer
  name: databaseName
  location: location
  tags: tags
  sku: sqlDatabaseSku
  properties: {
    collation: 'SQL_Latin1_General_CP1_CI_AS'
    zoneRedundant: false
    requestedBackupStorageRedundancy: 'Geo'
  }
}

// Point-in-time restore for 14 days (the default is 7) and weekly backups kept for 8 weeks.
resource shortTermRetention 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    retentionDays: 14
  }
}

resource longTermRetention 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    weeklyRetention: 'P8W'
  }
}

// --- Media storage -------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${name}media${suffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    // Media is served by the app (and cached by Front Door), never straight from the account.
    allowBlobPublicAccess: false
    // The app signs in with its managed identity; no account key can be used against this account.
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // An original deleted by mistake (or by a bad sweep) can be brought back for 14 days.
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource mediaContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: mediaContainerName
  properties: {
    publicAccess: 'None'
  }
}

// On the account, not the container: the app creates its container when missing, which a container-scoped role
// cannot answer with "already exists".
resource blobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

// --- Redis ---------------------------------------------------------------------------------------------------------

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: '${name}-redis-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: redisSku
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

// --- Key Vault -----------------------------------------------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}-kv-${suffix}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource sqlAdministratorPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sql-administrator-password'
  properties: {
    value: sqlAdministratorPassword
    contentType: 'Password of ${sqlAdministratorLogin} on ${sqlServer.name}: the migration step only'
  }
}

resource appDatabasePasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'app-database-password'
  properties: {
    value: appDatabasePassword
    contentType: 'Password of ${appDatabaseLogin}: read by the migration step, which sets it on the login'
  }
}

resource databaseConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'newscms-database'
  properties: {
    value: 'Server=tcp:${sqlServer.properties.fullyQualifiedDomainName},1433;Database=${database.name};User ID=${appDatabaseLogin};Password=${appDatabasePassword};Encrypt=True;TrustServerCertificate=False;Connect Timeout=30'
    contentType: 'ConnectionStrings:NewsCms'
  }
}

resource redisConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'newscms-redis'
  properties: {
    value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'
    contentType: 'ConnectionStrings:Redis'
  }
}

resource previewSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(previewSigningKey)) {
  parent: vault
  name: previewSigningKeySecretName
  properties: {
    value: previewSigningKey
    contentType: 'NewsCms:Preview:SigningKey'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'NewsCms:Mail:Smtp:Password'
  }
}

output registryLoginServer string = registry.properties.loginServer
output sqlServerFqdn string = sqlServer.properties.fullyQualifiedDomainName
output sqlDatabaseName string = database.name
output keyVaultName string = vault.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output mediaContainerName string = mediaContainer.name

// Secret URIs without a version: a container app restart picks up a rotated value.
output databaseConnectionSecretUri string = databaseConnectionSecret.properties.secretUri
output redisConnectionSecretUri string = redisConnectionSecret.properties.secretUri
// Where the optional secrets are when they were given (the caller knows whether they were): built from the vault's
// address, because an output that so much as tests a secure parameter would carry it.
output previewSigningKeySecretUri string = '${vault.properties.vaultUri}secrets/${previewSigningKeySecretName}'
output smtpLoginSecretUri string = '${vault.properties.vaultUri}secrets/${smtpPasswordSecretName}'

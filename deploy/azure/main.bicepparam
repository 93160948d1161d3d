// Parameters for `az deployment group create -g RG -f deploy/azure/main.bicep -p deploy/azure/main.bicepparam`.
// Secrets come from the environment of whoever deploys (a pipeline's secret variables), never from this file.
using 'main.bicep'

param name = 'newscms'
param containerRegistryName = readEnvironmentVariable('NEWSCMS_ACR_NAME', 'newscmsacr')
param image = readEnvironmentVariable('NEWSCMS_IMAGE', 'newscms:latest')
param sqlAdministratorPassword = readEnvironmentVariable('NEWSCMS_SQL_ADMIN_PASSWORD')
param appDatabasePassword = readEnvironmentVariable('NEWSCMS_DB_PASSWORD')
param previewSigningKey = readEnvironmentVariable('NEWSCMS_PREVIEW_SIGNING_KEY', '')
param minReplicas = 2
param maxReplicas = 10
param graphQLGetCacheMaxAgeSeconds = 30

// Gateway on Azure: App Service (Linux, Node 22 LTS), Cosmos DB for NoSQL (Entra ID only, no keys), an Azure Bot
// with the Teams channel, and one user-assigned managed identity used by the bot and for Cosmos.
// Deploy: see README "Deploy to Azure".

@description('Short name used in resource names, e.g. gateway-rh8')
param name string

param location string = resourceGroup().location

@description('Entra tenant id of the trust: the bot is single-tenant and only this tenant is allowed')
param tenantId string = subscription().tenantId

@description('App Service plan SKU. B1 is enough for a trust of 5,000 staff; use P0v3 for zone redundancy.')
param appServiceSku string = 'B1'

@secure()
@description('Signs questionnaire download links; a fresh value on each deployment is fine (links last 15 minutes)')
param exportLinkSecret string = '${newGuid()}${newGuid()}'

var identityName = '${name}-id'
var cosmosName = toLower('${name}-cosmos')
var planName = '${name}-plan'
var webName = '${name}-web'
var botName = '${name}-bot'
var databaseName = 'gateway'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: cosmosName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location, failoverPriority: 0 } ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: [ { name: 'EnableServerless' } ]
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: { resource: { id: databaseName } }
}

// The app creates these too if missing; declaring them keeps partition keys under review here.
resource stateContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'state'
  properties: { resource: { id: 'state', partitionKey: { paths: [ '/id' ], kind: 'Hash' } } }
}

resource projectsContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'projects'
  properties: { resource: { id: 'projects', partitionKey: { paths: [ '/projectId' ], kind: 'Hash' } } }
}

// Cosmos DB Built-in Data Contributor: data-plane read/write, no account management.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, 'data-contributor')
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: tenantId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'PUBLIC_BASE_URL', value: 'https://${webName}.azurewebsites.net' }
        { name: 'EXPORT_LINK_SECRET', value: exportLinkSecret }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Gateway'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output webAppName string = web.name
output botId string = identity.properties.clientId
output messagingEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'

// Gateway on Azure: App Service (Linux, Node 22 LTS, one instance), Cosmos DB for NoSQL (serverless, Entra ID only,
// continuous backup), an Azure Bot with the Teams channel, Key Vault for the secrets, Log Analytics with Application
// Insights for logs, and a Logic App that starts the weekly highlight run. One user-assigned managed identity signs the
// bot in, reaches Cosmos and reads the Key Vault secrets. Deploy with infra/deploy.sh: see README "Deploy to Azure".
// Written to Azure's documented resource schemas; not yet deployed from this repository (README says what is untested).

@description('Short name used in every resource name, letters, digits and hyphens, e.g. gateway-rh8 (ODS code).')
@minLength(3)
@maxLength(20)
param name string

@description('Azure region for every resource except the bot (which is global). UK South keeps data in the UK.')
param location string = resourceGroup().location

@description('Entra tenant id of the organisation: the bot is single-tenant, and only this tenant is let in (ALLOWED_TENANT_IDS).')
param tenantId string = subscription().tenantId

@description('How the bot signs in: UserAssignedMSI (the managed identity, no secret) or SingleTenant (an Entra app registration; its secret goes in Key Vault as bot-password).')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param botType string = 'UserAssignedMSI'

@description('SingleTenant only: the Entra app (client) id of the bot registration. Ignored for UserAssignedMSI.')
param botAppId string = ''

@description('App Service plan SKU. B1 is enough for a trust of 5,000 staff; P0v3 or above for zone redundancy and more memory.')
param appServiceSku string = 'B1'

@description('Cosmos DB point-in-time restore window: Continuous7Days or Continuous30Days.')
@allowed(['Continuous7Days', 'Continuous30Days'])
param cosmosBackupTier string = 'Continuous30Days'

@description('Days the Log Analytics workspace keeps logs (App Service console and HTTP logs, Application Insights). 30 to 730.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Day the weekly highlight run starts (the Logic App recurrence): Monday to Sunday.')
@allowed(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
param highlightDay string = 'Monday'

@description('Hour (0 to 23, UK time, British Summer Time included) the weekly highlight run starts.')
@minValue(0)
@maxValue(23)
param highlightHour int = 9

@description('Optional: the endpoint of an Azure OpenAI resource in the trust tenant, https://<resource>.openai.azure.com, to sort staff questions before the offline model. Empty (the default): no language model, and no message text leaves the app.')
param openAiEndpoint string = ''

@description('With openAiEndpoint: the name of the model deployment on that resource. The managed identity needs the Cognitive Services OpenAI User role on it (granted by hand).')
param openAiDeployment string = ''

@description('Object id of the person or pipeline deploying, given Key Vault Secrets Officer so deploy.sh can create the secrets once. Empty: grant it by hand.')
param deployerObjectId string = ''

var identityName = '${name}-id'
var cosmosName = toLower('${name}-cosmos')
var planName = '${name}-plan'
var webName = '${name}-web'
var botName = '${name}-bot'
var logicName = '${name}-weekly'
var workspaceName = '${name}-logs'
var insightsName = '${name}-insights'
// Key Vault names are global, 3 to 24 characters: the short name plus a suffix unique to this resource group.
var vaultName = take('${replace(name, '-', '')}kv${uniqueString(resourceGroup().id)}', 24)
var databaseName = 'gateway'
var publicHost = '${webName}.azurewebsites.net'
var botClientId = botType == 'UserAssignedMSI' ? identity.properties.clientId : botAppId

// Built-in role ids (the same in every tenant).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

// The secrets Gateway reads, by Key Vault secret name. deploy.sh creates each once if missing and never replaces it,
// so every instance and every deployment sign and check with the same keys.
var exportLinkSecretName = 'export-link-secret'
var jobsApiKeyName = 'jobs-api-key'
var botPasswordName = 'bot-password'
var kvRef = '@Microsoft.KeyVault(VaultName=${vaultName};SecretName='

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
    RetentionInDays: logRetentionDays
    IngestionMode: 'LogAnalytics'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// The app (through its Key Vault references) and the Logic App read secrets; nothing else is granted.
resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployerObjectId != '') {
  scope: vault
  name: guid(vault.id, deployerObjectId, keyVaultSecretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: deployerObjectId
  }
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
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: cosmosBackupTier } }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: { resource: { id: databaseName } }
}

// The containers bot/storage/database.ts opens, with the same partition keys (a test compares them). With Entra ID
// data-plane roles the app cannot create containers, so they must exist before it starts.
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

// Cosmos DB Built-in Data Contributor: data-plane read/write, no account management, no keys.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, 'data-contributor')
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// One instance: the turn queue (bot/turnQueue.ts) serialises overlapping turns per conversation inside one process,
// so a second instance could run two turns of one conversation at once and lose a state change. Scaling out needs a
// shared queue first; until then scale up (a bigger SKU), not out.
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: appServiceSku, capacity: 1 }
  properties: { reserved: true }
}

// Croner's day numbers, so the in-process weekly timer and the Logic App start at the same time.
var weekdayNumbers = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 }

// Azure OpenAI is optional: set only with an endpoint, signed in with the managed identity (never a key).
var openAiSettings = openAiEndpoint == '' ? [] : [
  { name: 'AZURE_OPENAI_ENDPOINT', value: openAiEndpoint }
  { name: 'AZURE_OPENAI_DEPLOYMENT', value: openAiDeployment }
  { name: 'AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
]

var botPasswordSetting = botType == 'SingleTenant' ? [ { name: 'BOT_PASSWORD', value: '${kvRef}${botPasswordName})' } ] : []

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
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The compiled build (npm run build → dist/), no TypeScript runner in production.
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/index.js'
      alwaysOn: true
      numberOfWorkers: 1
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat([
        { name: 'BOT_ID', value: botClientId }
        { name: 'BOT_TYPE', value: botType }
        { name: 'BOT_TENANT_ID', value: tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: tenantId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'PUBLIC_BASE_URL', value: 'https://${publicHost}' }
        { name: 'EXPORT_LINK_SECRET', value: '${kvRef}${exportLinkSecretName})' }
        { name: 'JOBS_API_KEY', value: '${kvRef}${jobsApiKeyName})' }
        // The in-process timers stay on (JOB_SCHEDULER not set): with one instance they are the only runner of the
        // cutover and registrations reminders and of projects' own highlight slots. The Logic App below is a weekly
        // backstop that survives restarts and deployments; the claims keep the two from posting anything twice.
        { name: 'WEEKLY_HIGHLIGHT_CRON', value: '0 ${highlightHour} * * ${weekdayNumbers[highlightDay]}' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
      ], botPasswordSetting, openAiSettings)
    }
  }
  dependsOn: [ appReadsSecrets, dataContributor ]
}

// The app's stdout (pino's JSON lines: ids only), HTTP and platform logs go to the workspace Application Insights uses.
resource webLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspace.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Gateway'
    endpoint: 'https://${publicHost}/api/messages'
    msaAppId: botClientId
    msaAppType: botType
    msaAppMSIResourceId: botType == 'UserAssignedMSI' ? identity.id : null
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// The weekly timer: reads the job key from Key Vault with its own identity (never stored in the workflow), then calls
// POST /api/jobs/weekly-highlights with it in X-Gateway-Jobs-Key. The endpoint answers 202 at once; the claims make a
// repeated or retried call post nothing twice.
resource weekly 'Microsoft.Logic/workflows@2019-05-01' = {
  name: logicName
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        Weekly: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Week'
            interval: 1
            timeZone: 'GMT Standard Time'
            schedule: { weekDays: [ highlightDay ], hours: [ highlightHour ], minutes: [ 0 ] }
          }
        }
      }
      actions: {
        Get_job_key: {
          type: 'Http'
          inputs: {
            method: 'GET'
            uri: '${vault.properties.vaultUri}secrets/${jobsApiKeyName}?api-version=7.4'
            authentication: { type: 'ManagedServiceIdentity', audience: 'https://vault.azure.net' }
          }
          runtimeConfiguration: { secureData: { properties: [ 'inputs', 'outputs' ] } }
        }
        Start_weekly_highlights: {
          type: 'Http'
          runAfter: { Get_job_key: [ 'Succeeded' ] }
          inputs: {
            method: 'POST'
            uri: 'https://${publicHost}/api/jobs/weekly-highlights'
            headers: { 'X-Gateway-Jobs-Key': '@{body(\'Get_job_key\')?[\'value\']}' }
            retryPolicy: { type: 'exponential', count: 6, interval: 'PT1M', maximumInterval: 'PT30M' }
          }
          runtimeConfiguration: { secureData: { properties: [ 'inputs' ] } }
        }
      }
    }
  }
}

resource logicReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, weekly.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: weekly.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output webAppName string = web.name
output botId string = botClientId
output publicBaseUrl string = 'https://${publicHost}'
output messagingEndpoint string = 'https://${publicHost}/api/messages'
output keyVaultName string = vault.name
output cosmosAccountName string = cosmos.name
output logicAppName string = weekly.name

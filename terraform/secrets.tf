# Secrets: an Azure Key Vault written write-only by Terraform, read by Databricks through a Key
# Vault-backed secret scope. No secret value is ever in the plan, the state or an output.
#
#   TF_VAR_tmdb_api_token (ephemeral variable) ───────────────┐ value_wo, written when
#   ephemeral random_password (or TF_VAR_ratings_hmac_key) ───┤ *_version changes
#                                                             ▼
#   Key Vault <prefix><env>kv<suffix> (RBAC, soft delete, purge protection): tmdb-api-token, ratings-hmac-key
#                                                             │ Key Vault Secrets User: AzureDatabricks
#                                                             ▼
#   secret scope <secret_scope_name> (AZURE_KEYVAULT)  READ: the job principal only
#                                                             │ {{secrets/...}} resolved at cluster start
#                                                             ▼
#   TMDB_API_TOKEN on the ingest task's cluster, RATINGS_HMAC_KEY on the ratings task's cluster (jobs.tf)

locals {
  secret_keys = {
    tmdb_api_token   = "tmdb-api-token"
    ratings_hmac_key = "ratings-hmac-key"
  }

  # Databricks secret references, resolved by the cluster at start; values never appear in job settings.
  secret_ref = { for k, v in local.secret_keys : k => "{{secrets/${databricks_secret_scope.this.name}/${v}}}" }

  # The AzureDatabricks first-party application: a Key Vault-backed scope reads the vault as it.
  azure_databricks_client_id = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d"
}

resource "azurerm_key_vault" "secrets" {
  name                = local.key_vault_name
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"

  # Azure RBAC on the data plane (no access policies); a deleted secret or vault stays recoverable
  # for soft_delete_retention_days and cannot be purged before (purge protection).
  # https://registry.terraform.io/providers/hashicorp/azurerm/5.0.0/docs/resources/key_vault
  rbac_authorization_enabled = true
  soft_delete_retention_days = var.key_vault_soft_delete_retention_days
  purge_protection_enabled   = true

  # Entra ID and the roles below are required for every data-plane call. Not restricted to the lake's
  # networks: Databricks' control plane resolves the scope's secrets when a cluster starts.
  public_network_access_enabled = true

  tags = local.tags
}

# The deploying identity writes the two secrets: the built-in role for secret contents, on this vault
# only (not Key Vault Administrator, not the resource group).
resource "azurerm_role_assignment" "deployer_secrets_officer" {
  scope                = azurerm_key_vault.secrets.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

# Databricks reads (gets and lists) the vault's secrets for the scope as the AzureDatabricks
# application; with RBAC authorization it needs this role on the vault.
# https://github.com/MicrosoftDocs/azure-docs/issues/84380 (RBAC vaults: "Key Vault Secrets User" for AzureDatabricks)
data "azuread_service_principal" "azure_databricks" {
  client_id = local.azure_databricks_client_id
}

resource "azurerm_role_assignment" "azure_databricks_secrets_user" {
  scope                = azurerm_key_vault.secrets.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = data.azuread_service_principal.azure_databricks.object_id
  principal_type       = "ServicePrincipal"
}

# ---------------------------------------------------------------------------------------------------
# The values: write-only, so Terraform sends them to Key Vault and keeps neither them nor a hash.
# A value is written when the secret is created and whenever its *_version variable changes; on any
# other apply a new ephemeral password is generated and discarded, so the stored key stays.
# value_wo / value_wo_version: azurerm >= 4.23, Terraform >= 1.11.
# https://registry.terraform.io/providers/hashicorp/azurerm/5.0.0/docs/resources/key_vault_secret
# ---------------------------------------------------------------------------------------------------

# https://registry.terraform.io/providers/hashicorp/random/3.7.0/docs/ephemeral-resources/password
ephemeral "random_password" "ratings_hmac_key" {
  length  = 64
  special = false
}

resource "azurerm_key_vault_secret" "tmdb_api_token" {
  name             = local.secret_keys.tmdb_api_token
  key_vault_id     = azurerm_key_vault.secrets.id
  value_wo         = var.tmdb_api_token
  value_wo_version = var.tmdb_api_token_version
  content_type     = "TMDB API read access token (v4 bearer)"

  depends_on = [time_sleep.rbac_propagation]
}

resource "azurerm_key_vault_secret" "ratings_hmac_key" {
  name         = local.secret_keys.ratings_hmac_key
  key_vault_id = azurerm_key_vault.secrets.id
  # A caller-supplied key (e.g. the one of an existing deployment) wins; otherwise the generated one.
  value_wo         = var.ratings_hmac_key != null ? var.ratings_hmac_key : ephemeral.random_password.ratings_hmac_key.result
  value_wo_version = var.ratings_hmac_key_version
  content_type     = "HMAC-SHA256 key pseudonymising rating user ids; changing it changes every user_key"

  depends_on = [time_sleep.rbac_propagation]
}

# ---------------------------------------------------------------------------------------------------
# The scope: a read-only view of the vault. Its ACLs are Databricks': the creator (the deploying
# identity) manages it, workspace admins can read it, and the job principal gets READ - nobody else.
# Creating it needs an Azure-specific authentication method (the provider block's), not a PAT.
# https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/secret_scope#keyvault_metadata
# ---------------------------------------------------------------------------------------------------

resource "databricks_secret_scope" "this" {
  name = var.secret_scope_name

  keyvault_metadata {
    resource_id = azurerm_key_vault.secrets.id
    dns_name    = azurerm_key_vault.secrets.vault_uri
  }

  depends_on = [time_sleep.rbac_propagation]
}

# The jobs run as the service principal, which must be able to read the scope to resolve
# {{secrets/...}} references in spark_env_vars. A scope ACL covers the whole scope (both secrets);
# which task receives which secret is decided by the clusters' spark_env_vars (jobs.tf).
resource "databricks_secret_acl" "runner_read" {
  scope      = databricks_secret_scope.this.name
  principal  = databricks_service_principal.runner.application_id
  permission = "READ"
}

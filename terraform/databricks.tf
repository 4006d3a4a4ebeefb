# Databricks workspace, the service principal's rights on the lake, and the secret scope.
#
# Storage access: abfss:// with the service principal's OAuth client credentials, set in each job
# cluster's spark_conf (jobs.tf) from this secret scope. No DBFS mounts (deprecated).

resource "azurerm_databricks_workspace" "this" {
  name                        = "${local.base_name}-dbw"
  resource_group_name         = azurerm_resource_group.this.name
  location                    = azurerm_resource_group.this.location
  sku                         = var.databricks_sku
  managed_resource_group_name = "${local.base_name}-dbw-managed-rg"
  tags                        = local.tags
}

# Least privilege: data access on the lake filesystem (container) only, not on the whole account.
# azurerm_storage_data_lake_gen2_filesystem exports a data-plane URL as its id, so the filesystem's
# resource-manager id is assembled here.
resource "azurerm_role_assignment" "sp_lake_contributor" {
  scope                = "${azurerm_storage_account.lake.id}/blobServices/default/containers/${azurerm_storage_data_lake_gen2_filesystem.lake.name}"
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azuread_service_principal.databricks.object_id
  principal_type       = "ServicePrincipal"
}

# The Entra ID service principal, registered in the workspace so that jobs can run as it.
resource "databricks_service_principal" "runner" {
  application_id = azuread_application.databricks.client_id
  display_name   = "${local.base_name}-jobs"
}

# ---------------------------------------------------------------------------------------------------
# Secrets
# ---------------------------------------------------------------------------------------------------

resource "random_password" "ratings_hmac_key" {
  length  = 64
  special = false
}

locals {
  # A caller-supplied key wins; otherwise the generated one (kept in state, so it is stable across runs:
  # changing it would change every pseudonymised user id).
  ratings_hmac_key = var.ratings_hmac_key != null ? var.ratings_hmac_key : random_password.ratings_hmac_key.result

  secret_keys = {
    tmdb_api_token   = "tmdb-api-token"
    sp_client_secret = "sp-client-secret"
    ratings_hmac_key = "ratings-hmac-key"
  }

  # Databricks secret references, resolved by the cluster at start; values never appear in job settings.
  secret_ref = { for k, v in local.secret_keys : k => "{{secrets/${databricks_secret_scope.this.name}/${v}}}" }
}

resource "databricks_secret_scope" "this" {
  name = var.secret_scope_name

  # Standard-tier workspaces only accept scopes manageable by all users.
  initial_manage_principal = local.databricks_premium ? null : "users"
}

resource "databricks_secret" "tmdb_api_token" {
  scope        = databricks_secret_scope.this.name
  key          = local.secret_keys.tmdb_api_token
  string_value = var.tmdb_api_token
}

resource "databricks_secret" "sp_client_secret" {
  scope        = databricks_secret_scope.this.name
  key          = local.secret_keys.sp_client_secret
  string_value = azuread_application_password.databricks.value
}

resource "databricks_secret" "ratings_hmac_key" {
  scope        = databricks_secret_scope.this.name
  key          = local.secret_keys.ratings_hmac_key
  string_value = local.ratings_hmac_key
}

# The jobs run as the service principal, which must be able to read the scope to resolve
# {{secrets/...}} references. Secret ACLs exist on premium/trial only (on standard, all users can read).
resource "databricks_secret_acl" "runner_read" {
  count = local.databricks_premium ? 1 : 0

  scope      = databricks_secret_scope.this.name
  principal  = databricks_service_principal.runner.application_id
  permission = "READ"
}

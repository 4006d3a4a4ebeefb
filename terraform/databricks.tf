# Databricks workspace, the job identity in it, and the secret scope.
#
# Storage access goes through Unity Catalog (unity_catalog.tf): no storage secret in any cluster's
# Spark conf, no DBFS mounts, no account keys.

resource "azurerm_databricks_workspace" "this" {
  name                        = "${local.base_name}-dbw"
  resource_group_name         = azurerm_resource_group.this.name
  location                    = azurerm_resource_group.this.location
  sku                         = var.databricks_sku
  managed_resource_group_name = "${local.base_name}-dbw-managed-rg"
  tags                        = local.tags
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
    ratings_hmac_key = "ratings-hmac-key"
  }

  # Databricks secret references, resolved by the cluster at start; values never appear in job settings.
  secret_ref = { for k, v in local.secret_keys : k => "{{secrets/${databricks_secret_scope.this.name}/${v}}}" }
}

# Premium/trial workspaces only (validated): the creator manages the scope, nobody else can read it
# unless an ACL below says so.
resource "databricks_secret_scope" "this" {
  name = var.secret_scope_name
}

resource "databricks_secret" "tmdb_api_token" {
  scope        = databricks_secret_scope.this.name
  key          = local.secret_keys.tmdb_api_token
  string_value = var.tmdb_api_token
}

resource "databricks_secret" "ratings_hmac_key" {
  scope        = databricks_secret_scope.this.name
  key          = local.secret_keys.ratings_hmac_key
  string_value = local.ratings_hmac_key
}

# The jobs run as the service principal, which must be able to read the scope to resolve
# {{secrets/...}} references in spark_env_vars.
resource "databricks_secret_acl" "runner_read" {
  scope      = databricks_secret_scope.this.name
  principal  = databricks_service_principal.runner.application_id
  permission = "READ"
}

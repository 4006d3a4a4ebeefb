# Resource group and naming.

data "azurerm_client_config" "current" {}

locals {
  base_name = "${var.name_prefix}-${var.environment}"

  tags = merge(var.tags, {
    project     = "movie-status"
    environment = var.environment
    managed_by  = "terraform"
  })

  # Storage account and Key Vault names: globally unique, 3-24 characters. The prefix is cut to
  # fit, never the environment or the random suffix (16 + 8 + 5 characters would not fit in 24).
  compact_prefix       = replace(var.name_prefix, "-", "")
  storage_account_name = "${substr(local.compact_prefix, 0, min(length(local.compact_prefix), 24 - length(var.environment) - 5))}${var.environment}${random_string.name_suffix.result}"
  key_vault_name       = "${substr(local.compact_prefix, 0, min(length(local.compact_prefix), 24 - length(var.environment) - 7))}${var.environment}kv${random_string.name_suffix.result}"
}

resource "random_string" "name_suffix" {
  length  = 5
  upper   = false
  special = false
}

moved {
  from = random_string.storage_suffix
  to   = random_string.name_suffix
}

resource "azurerm_resource_group" "this" {
  name     = "${local.base_name}-rg"
  location = var.location
  tags     = local.tags
}

# ---------------------------------------------------------------------------------------------------
# Azure RBAC propagation. Role assignments take minutes to reach the storage and Key Vault data
# planes; the first apply would otherwise fail with 403 on the lake folders, the secrets, or the
# external locations' validation. Everything that uses a role granted here waits for this bounded
# pause (var.rbac_propagation_seconds); it runs again only when an assignment is re-created.
# ---------------------------------------------------------------------------------------------------

resource "time_sleep" "rbac_propagation" {
  create_duration = "${var.rbac_propagation_seconds}s"

  triggers = {
    deployer_lake      = azurerm_role_assignment.deployer_lake_contributor.id
    deployer_secrets   = azurerm_role_assignment.deployer_secrets_officer.id
    connector_lake     = azurerm_role_assignment.connector_lake_contributor.id
    databricks_secrets = azurerm_role_assignment.azure_databricks_secrets_user.id
  }
}

# Resource group, naming, and the Entra ID identity the Databricks jobs run as.

data "azurerm_client_config" "current" {}

data "azuread_client_config" "current" {}

locals {
  base_name = "${var.name_prefix}-${var.environment}"

  tags = merge(var.tags, {
    project     = "movie-status"
    environment = var.environment
    managed_by  = "terraform"
  })
}

resource "azurerm_resource_group" "this" {
  name     = "${local.base_name}-rg"
  location = var.location
  tags     = local.tags
}

# ---------------------------------------------------------------------------------------------------
# Service principal the Databricks jobs run as (run_as). It has no password and no Azure role: it
# reaches the lake through Unity Catalog grants (unity_catalog.tf), and Unity Catalog reaches the
# storage with the access connector's managed identity. No secret to leak or rotate.
# ---------------------------------------------------------------------------------------------------

resource "azuread_application" "databricks" {
  display_name = "${local.base_name}-databricks"
  owners       = [data.azuread_client_config.current.object_id]
}

resource "azuread_service_principal" "databricks" {
  client_id                    = azuread_application.databricks.client_id
  app_role_assignment_required = false
  owners                       = [data.azuread_client_config.current.object_id]
}

# Resource group, naming, and the Entra ID identity the Databricks jobs use for the lake.

data "azurerm_client_config" "current" {}

data "azuread_client_config" "current" {}

locals {
  base_name = "${var.name_prefix}-${var.environment}"

  tags = merge(var.tags, {
    project     = "movie-status"
    environment = var.environment
    managed_by  = "terraform"
  })

  tenant_id = data.azurerm_client_config.current.tenant_id

  # premium and trial workspaces support secret ACLs, workspace-object permissions and job ACLs.
  databricks_premium = var.databricks_sku != "standard"
}

resource "azurerm_resource_group" "this" {
  name     = "${local.base_name}-rg"
  location = var.location
  tags     = local.tags
}

# ---------------------------------------------------------------------------------------------------
# Service principal for Databricks: runs the jobs (run_as) and reads/writes the lake over abfss:// with
# OAuth client credentials. It gets "Storage Blob Data Contributor" on the lake filesystem only
# (databricks.tf).
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

# The client secret is replaced on the first apply after the rotation period; it stays valid 30 days
# past that point so a late apply does not break running jobs.
resource "time_rotating" "sp_secret" {
  rotation_days = var.sp_secret_rotation_days
}

resource "azuread_application_password" "databricks" {
  application_id = azuread_application.databricks.id
  display_name   = "databricks-abfss (terraform)"
  end_date       = timeadd(time_rotating.sp_secret.rotation_rfc3339, "720h")

  rotate_when_changed = {
    rotation = time_rotating.sp_secret.id
  }
}

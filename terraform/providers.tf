# Provider pins and configuration.
#
# - hashicorp/azurerm 5.x is the current major (July 2026). Argument names used in this folder are the
#   4.x/5.x ones (e.g. https_traffic_only_enabled, storage_account_id on Data Lake resources).
# - hashicorp/azuread 3.x: applications are referenced by `client_id` (the removed `application_id`
#   attribute of 2.x is not used anywhere). The application has no password: jobs run as it, and the
#   lake is reached through Unity Catalog (access connector), not with its credentials.
# - databricks/databricks 1.x, a recent 1.1xx release.
# - hashicorp/random generates the storage name suffix and the ratings pseudonymisation key.
# - hashicorp/time waits for Azure RBAC propagation.

terraform {
  required_version = ">= 1.9"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 5.0"
    }
    azuread = {
      source  = "hashicorp/azuread"
      version = "~> 3.0"
    }
    databricks = {
      source  = "databricks/databricks"
      version = ">= 1.100, < 2.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }
}

provider "azurerm" {
  features {}

  # null = take it from ARM_SUBSCRIPTION_ID (or the Azure CLI's current subscription).
  subscription_id = var.subscription_id

  # azurerm 5.x registers no resource providers by default. Register exactly the ones this
  # configuration uses (a fresh subscription has neither); registration is never undone on destroy,
  # unlike an azurerm_resource_provider_registration resource, so a shared subscription is safe.
  resource_provider_registrations = "none"
  resource_providers_to_register  = ["Microsoft.Databricks", "Microsoft.Storage"]

  # Manage the lake's filesystem and folders with Entra ID tokens: the storage account has shared-key
  # access disabled, so Terraform must never fall back to account keys.
  storage_use_azuread = true
}

provider "azuread" {}

# Configured from the workspace this configuration creates. Authentication is the caller's Azure
# identity (az login / ARM_* environment), exchanged for a workspace token through the resource id.
provider "databricks" {
  host                        = "https://${azurerm_databricks_workspace.this.workspace_url}"
  azure_workspace_resource_id = azurerm_databricks_workspace.this.id
}

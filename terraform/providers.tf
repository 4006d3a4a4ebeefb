# Provider pins and configuration. Every argument used in this folder was checked against the docs
# of these versions (the provider repositories' website/docs and docs/ folders at the tags named);
# arguments that `terraform validate` cannot check here (no provider downloads on the build
# machines) cite their doc page in a comment.
#
# - Terraform >= 1.11: ephemeral resources and ephemeral input variables need 1.10, write-only
#   arguments (azurerm_key_vault_secret.value_wo) need 1.11
#   (https://developer.hashicorp.com/terraform/language/resources/ephemeral).
# - hashicorp/azurerm 5.x (checked at v5.0.0): `value_wo`/`value_wo_version` on
#   azurerm_key_vault_secret (since 4.23.0), `rbac_authorization_enabled` (required in 5.x) on
#   azurerm_key_vault, azurerm_storage_container created through Resource Manager with
#   `storage_account_id` (its id is the container's ARM id, usable as a role scope).
# - hashicorp/azuread 3.x: only to look up the AzureDatabricks first-party application's service
#   principal (object id for the Key Vault role); no application is created.
# - databricks/databricks >= 1.128 (checked at v1.128.0): `isolation_mode` on catalog, storage
#   credential and external location, databricks_workspace_binding, `read_only` external
#   locations, Databricks-managed service principals (no application_id).
# - hashicorp/random >= 3.7: the `random_password` ephemeral resource (3.7.0) for the ratings key;
#   random_string still names the storage account and the vault.
# - hashicorp/time waits for Azure RBAC propagation.

terraform {
  required_version = ">= 1.11"

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
      version = ">= 1.128, < 2.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }
}

provider "azurerm" {
  # Key Vault: keep soft-deleted vaults and secrets recoverable instead of purging them on destroy
  # (purge protection forbids the purge anyway). A re-created secret is recovered and then gets a
  # new version written (azurerm docs, r/key_vault_secret: "Terraform will create a new version of
  # a secret upon recovery") - see README, "Keys and rotation".
  # https://registry.terraform.io/providers/hashicorp/azurerm/5.0.0/docs/guides/features-block
  features {
    key_vault {
      purge_soft_delete_on_destroy          = false
      purge_soft_deleted_secrets_on_destroy = false
      recover_soft_deleted_key_vaults       = true
      recover_soft_deleted_secrets          = true
    }
  }

  # null = take it from ARM_SUBSCRIPTION_ID (or the Azure CLI's current subscription).
  subscription_id = var.subscription_id

  # azurerm 5.x registers no resource providers by default. Register exactly the ones this
  # configuration and its job clusters use (a fresh subscription has none): the workspace and its
  # access connector, the lake, the vault, and the job clusters' VMs, disks and managed VNet.
  # Registration is never undone on destroy, so a shared subscription is safe.
  resource_provider_registrations = "none"
  resource_providers_to_register  = ["Microsoft.Compute", "Microsoft.Databricks", "Microsoft.KeyVault", "Microsoft.Network", "Microsoft.Storage"]

  # Manage the lake's folders with Entra ID tokens: the storage account has shared-key access
  # disabled, so Terraform must never fall back to account keys.
  storage_use_azuread = true
}

provider "azuread" {}

# Configured from the workspace this configuration creates. Authentication is the caller's Azure
# identity (az login / ARM_* environment), exchanged for a workspace token through the resource id:
# an Azure-specific method, which a Key Vault-backed secret scope requires (no PAT).
provider "databricks" {
  host                        = "https://${azurerm_databricks_workspace.this.workspace_url}"
  azure_workspace_resource_id = azurerm_databricks_workspace.this.id
}

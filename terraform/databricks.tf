# Databricks workspace and the identity the jobs run as.
#
# Storage access goes through Unity Catalog (unity_catalog.tf): no storage secret in any cluster's
# Spark conf, no DBFS mounts, no account keys. Secrets come from the Key Vault in secrets.tf.

resource "azurerm_databricks_workspace" "this" {
  name                        = "${local.base_name}-dbw"
  resource_group_name         = azurerm_resource_group.this.name
  location                    = azurerm_resource_group.this.location
  sku                         = var.databricks_sku
  managed_resource_group_name = "${local.base_name}-dbw-managed-rg"
  tags                        = local.tags
}

# The jobs run as this Databricks-managed service principal (run_as). No Entra ID application: it
# has no Azure role and no credential of its own; it reaches the lake through Unity Catalog grants
# (unity_catalog.tf) and the secrets through the scope's READ ACL (secrets.tf). Without
# application_id the provider creates a Databricks-managed one and generates its application id.
# https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/service_principal
resource "databricks_service_principal" "runner" {
  display_name = "${local.base_name}-jobs"
}

-- Quarantined input records by reason and entity.
SELECT reason, entity, count(*) AS records, max(quarantined_at) AS last_quarantined_at
FROM ${catalog}.${schema}.quarantine
GROUP BY reason, entity
ORDER BY records DESC, reason, entity

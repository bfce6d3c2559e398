-- 006_statistics: PLACEHOLDER on the bundle-sharing branch only, so that
-- 007_evidence_bundles.sql is numbered consecutively (store/migrations.cc
-- refuses gaps). It changes nothing. The stats-api branch owns this file:
-- on merge, take its version (add/add conflict: keep theirs).
SELECT 1;

-- 007: the livelihood front's account binding. A purchase-point operator's
-- account is bound to their purchase point (as checkpoint staff are to their
-- checkpoint and an enterprise's HR to their enterprise: account.enterprise_id).
-- The livelihood tables come in 008+ (one file per part of the front).
ALTER TABLE account ADD COLUMN purchase_point_id BIGINT;

-- 018: purchase_day_total, the grams bought per purchase point (owner
-- 'point') or backstop buyer (owner 'buyer') per day, so that the capacity
-- check of a purchase (store/sqlite/sqlite_produce.cc: bought_at_point,
-- bought_by_buyer) reads one row instead of summing the day's purchases,
-- which cost more with every purchase of the day (0.8 ms at 15,000).
--
-- The totals are kept by these triggers on produce_purchase, in the
-- writer's own transaction, whoever the writer is (this program, an import,
-- the sqlite3 shell), so they always equal the sum of the rows. A total that
-- falls to 0 stays as a row of 0. PostgreSQL would get the same triggers as
-- one plpgsql function.
CREATE TABLE purchase_day_total (
  owner    TEXT NOT NULL,     -- 'point' (purchase_point) or 'buyer' (backstop_buyer)
  owner_id INTEGER NOT NULL,  -- the point's or buyer's id
  on_date  TEXT NOT NULL,     -- YYYY-MM-DD
  grams    INTEGER NOT NULL,  -- SUM(produce_purchase.grams) of that owner and day
  PRIMARY KEY (owner, owner_id, on_date)
);

INSERT INTO purchase_day_total (owner, owner_id, on_date, grams)
SELECT 'point', point_id, on_date, SUM(grams) FROM produce_purchase
WHERE point_id IS NOT NULL GROUP BY point_id, on_date;
INSERT INTO purchase_day_total (owner, owner_id, on_date, grams)
SELECT 'buyer', buyer_id, on_date, SUM(grams) FROM produce_purchase
WHERE buyer_id IS NOT NULL GROUP BY buyer_id, on_date;

CREATE TRIGGER purchase_day_total_point_ins AFTER INSERT ON produce_purchase
WHEN NEW.point_id IS NOT NULL BEGIN
  INSERT INTO purchase_day_total (owner, owner_id, on_date, grams)
  VALUES ('point', NEW.point_id, NEW.on_date, NEW.grams)
  ON CONFLICT DO UPDATE SET grams = grams + excluded.grams;
END;
CREATE TRIGGER purchase_day_total_buyer_ins AFTER INSERT ON produce_purchase
WHEN NEW.buyer_id IS NOT NULL BEGIN
  INSERT INTO purchase_day_total (owner, owner_id, on_date, grams)
  VALUES ('buyer', NEW.buyer_id, NEW.on_date, NEW.grams)
  ON CONFLICT DO UPDATE SET grams = grams + excluded.grams;
END;

CREATE TRIGGER purchase_day_total_point_del AFTER DELETE ON produce_purchase
WHEN OLD.point_id IS NOT NULL BEGIN
  UPDATE purchase_day_total SET grams = grams - OLD.grams
  WHERE owner = 'point' AND owner_id = OLD.point_id AND on_date = OLD.on_date;
END;
CREATE TRIGGER purchase_day_total_buyer_del AFTER DELETE ON produce_purchase
WHEN OLD.buyer_id IS NOT NULL BEGIN
  UPDATE purchase_day_total SET grams = grams - OLD.grams
  WHERE owner = 'buyer' AND owner_id = OLD.buyer_id AND on_date = OLD.on_date;
END;

-- An update is the old row taken out and the new one put in.
CREATE TRIGGER purchase_day_total_upd AFTER UPDATE OF point_id, buyer_id, on_date, grams
ON produce_purchase BEGIN
  UPDATE purchase_day_total SET grams = grams - OLD.grams
  WHERE owner = 'point' AND owner_id = OLD.point_id AND on_date = OLD.on_date;
  UPDATE purchase_day_total SET grams = grams - OLD.grams
  WHERE owner = 'buyer' AND owner_id = OLD.buyer_id AND on_date = OLD.on_date;
  INSERT INTO purchase_day_total (owner, owner_id, on_date, grams)
  SELECT 'point', NEW.point_id, NEW.on_date, NEW.grams WHERE NEW.point_id IS NOT NULL
  ON CONFLICT DO UPDATE SET grams = grams + excluded.grams;
  INSERT INTO purchase_day_total (owner, owner_id, on_date, grams)
  SELECT 'buyer', NEW.buyer_id, NEW.on_date, NEW.grams WHERE NEW.buyer_id IS NOT NULL
  ON CONFLICT DO UPDATE SET grams = grams + excluded.grams;
END;

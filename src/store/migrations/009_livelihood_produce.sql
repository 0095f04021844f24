-- 009: produce matching (产销对接, issue 6). Weights in grams (1 jin = 500 g),
-- money in fen. A listing is a household's unsold produce; a purchase is made
-- by a purchase point (point_id) or a backstop buyer (buyer_id), from a
-- listing or directly from a household, and is credited to the household's
-- poverty_income.business_fen of its year in the same transaction. `poor`
-- records whether the household was registered poor or lifted on the day,
-- so past bulletins do not change when a status does.

CREATE TABLE produce_listing (
  id                   {{id_pk}},
  household_id         BIGINT NOT NULL REFERENCES household(id),
  region_code          TEXT NOT NULL,          -- the household's village (or group)
  kind                 TEXT NOT NULL,
  grams                BIGINT NOT NULL,
  remaining_grams      BIGINT NOT NULL,
  expected_fen_per_jin BIGINT,
  listed_on            TEXT NOT NULL,
  sell_by              TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'open',   -- open | sold | withdrawn
  closed_on            TEXT,
  note                 TEXT NOT NULL DEFAULT '',
  version              BIGINT NOT NULL DEFAULT 1,
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL
);
CREATE INDEX produce_listing_region ON produce_listing(region_code, listed_on);
CREATE INDEX produce_listing_household ON produce_listing(household_id);

CREATE TABLE purchase_point (
  id             {{id_pk}},
  name           TEXT NOT NULL,
  place          TEXT NOT NULL DEFAULT '',
  region_code    TEXT NOT NULL,
  operator_name  TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  capacity_grams BIGINT NOT NULL,
  checkpoint_id  BIGINT REFERENCES checkpoint(id),
  active         INTEGER NOT NULL DEFAULT 1,
  version        BIGINT NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL
);
CREATE INDEX purchase_point_region ON purchase_point(region_code);

CREATE TABLE purchase_price (
  point_id    BIGINT NOT NULL REFERENCES purchase_point(id),
  on_date     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  fen_per_jin BIGINT NOT NULL,
  PRIMARY KEY (point_id, on_date, kind)
);

CREATE TABLE backstop_buyer (
  id             {{id_pk}},
  name           TEXT NOT NULL,
  unit           TEXT NOT NULL DEFAULT '',
  region_code    TEXT NOT NULL,
  capacity_grams BIGINT NOT NULL,
  floor_prices   TEXT NOT NULL DEFAULT '{}',   -- {"kind": fen_per_jin}, read with the buyer
  active         INTEGER NOT NULL DEFAULT 1,
  version        BIGINT NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL
);

CREATE TABLE produce_purchase (
  id           {{id_pk}},
  point_id     BIGINT REFERENCES purchase_point(id),
  buyer_id     BIGINT REFERENCES backstop_buyer(id),
  listing_id   BIGINT REFERENCES produce_listing(id),
  household_id BIGINT NOT NULL REFERENCES household(id),
  region_code  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  grams        BIGINT NOT NULL,
  fen_per_jin  BIGINT NOT NULL,
  amount_fen   BIGINT NOT NULL,
  on_date      TEXT NOT NULL,
  poor         INTEGER NOT NULL DEFAULT 0,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
-- The bulletin's three sums over a region prefix come from this index alone.
CREATE INDEX produce_purchase_region ON produce_purchase(region_code, on_date, grams, amount_fen, poor);
CREATE INDEX produce_purchase_point ON produce_purchase(point_id, on_date, grams);
CREATE INDEX produce_purchase_buyer ON produce_purchase(buyer_id, on_date, grams);
CREATE INDEX produce_purchase_listing ON produce_purchase(listing_id, on_date, grams);
CREATE INDEX produce_purchase_household ON produce_purchase(household_id);

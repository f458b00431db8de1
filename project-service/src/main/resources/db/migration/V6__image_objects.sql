-- Image bytes may live in an S3 object store (asset-hatch.images.store=s3): the row then names the object by its
-- content-addressed key and keeps no bytes. A row always has its bytes somewhere: in `image`, or under `image_key`
-- (whose object is put before the row commits). scripts/migrate-images moves existing bytes out of the rows.
ALTER TABLE generated_asset ALTER COLUMN image DROP NOT NULL;
ALTER TABLE generated_asset ADD COLUMN image_key text;
ALTER TABLE generated_asset ADD CONSTRAINT generated_asset_image_stored CHECK (image IS NOT NULL OR image_key IS NOT NULL);

ALTER TABLE style_anchor ADD COLUMN image_key text;
ALTER TABLE style_anchor DROP CONSTRAINT style_anchor_check;
ALTER TABLE style_anchor ADD CONSTRAINT style_anchor_image_stored
    CHECK ((image IS NULL AND image_key IS NULL) = (media_type IS NULL));

-- The sweep asks "does any row still name this object?" for a page of keys at a time.
CREATE INDEX generated_asset_image_key_idx ON generated_asset (image_key) WHERE image_key IS NOT NULL;
CREATE INDEX style_anchor_image_key_idx ON style_anchor (image_key) WHERE image_key IS NOT NULL;
-- The rejected-image sweep: rejected assets by age.
CREATE INDEX generated_asset_rejected_idx ON generated_asset (updated_at) WHERE status = 'rejected';

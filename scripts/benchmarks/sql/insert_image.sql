-- The ceiling of the upload rows: Postgres storing a copy of an image it already holds, one transaction each, at
-- the same concurrency as the uploads: the same TOAST, WAL and commit work as an upload, with no client transfer,
-- no HTTP and no checks. Variables: :image (a generated_asset id of the image size the uploads use).
INSERT INTO bench_image_sink SELECT image FROM generated_asset WHERE id = :image;

-- 0003: list an agreement's signed documents without touching their bytes.
-- The PDF (up to 10 MB) is stored inline in agreement_documents.data, and uploaded_at comes after
-- it in the row: reading uploaded_at from the table walks the blob's whole overflow-page chain
-- (https://www.sqlite.org/fileformat2.html#ovflpgs), about 4 ms per 10 MB document on every
-- agreement page. This covering index answers the list (id is the rowid) from the index alone.
CREATE INDEX agreement_documents_version ON agreement_documents(version_id, filename, size_bytes, uploaded_at);

"""The first page shows the latest events with their evidence marked, escaped."""

from __future__ import annotations

import hashlib

from tests.helpers import logged_in_client

from wiqaya.read.pipeline import DocumentInput, coder_version, read_documents
from wiqaya.store.models.sift import Document, Source
from wiqaya.store.read import save_reading

TEXT = "<script>x</script> اعلنت مصادر امنية مقتل اربعة اشخاص في انفجار سيارة مفخخة وسط بغداد أمس."


def test_latest_events_are_highlighted(runtime) -> None:  # noqa: ANN001
    with runtime.sessions() as s, s.begin():
        src = Source(name="web-read", kind="files")
        s.add(src)
        s.flush()
        h = hashlib.sha256(TEXT.encode()).hexdigest()
        doc = Document(source_id=src.id, text=TEXT, content_hash=h, text_sha256=h, lang="ar")
        s.add(doc)
        s.flush()
        res = read_documents([DocumentInput(str(doc.id), TEXT, "ar")])[0]
        save_reading(s, res, coder_version())
    client = logged_in_client(runtime)
    page = client.get("/ingested").text
    assert "<mark>" in page
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page

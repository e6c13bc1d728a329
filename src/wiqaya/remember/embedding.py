"""Sentence embeddings from weights shipped inside a PyPI wheel, offline on CPU.

The model is WordLlama ``l2_supercat`` (256 dimensions): a static token
embedding table with a tokenizer, both inside the ``wordllama`` wheel, so
nothing is fetched at run time. We read the two files ourselves with
``safetensors`` and ``tokenizers`` because the package's own loader tries the
network before looking at its bundled copy. A text's vector is the mean of
its token vectors, L2-normalised. The model is English-trained: Arabic
queries reach it through the lexicon's English translation (see
docs/decisions/062-library-embeddings.md).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

import numpy as np

from wiqaya.errors import ConfigError

MODEL_NAME = "wordllama-l2_supercat_256"
MAX_TOKENS = 512


class Embedder:
    def __init__(self) -> None:
        try:
            from safetensors import safe_open
            from tokenizers import Tokenizer

            base = resources.files("wordllama")
        except (ImportError, ModuleNotFoundError) as exc:
            raise ConfigError(
                "the library's embedding model needs the `wordllama`, `safetensors` and "
                "`tokenizers` packages; install the project's requirements.lock",
                code="E-LIB-010",
            ) from exc
        tokenizer_path = base / "tokenizers" / "l2_supercat_tokenizer_config.json"
        weights_path = base / "weights" / "l2_supercat_256.safetensors"
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        with safe_open(str(weights_path), framework="np") as fh:
            self.table = np.ascontiguousarray(fh.get_tensor("embedding.weight"), dtype=np.float32)
        self.dim = int(self.table.shape[1])
        try:
            self.version = f"{MODEL_NAME}@{version('wordllama')}"
        except PackageNotFoundError:
            self.version = MODEL_NAME

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text; an empty text gives a zero row."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        for row, enc in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            ids = enc.ids
            if not ids:
                continue
            vec = self.table[ids].mean(axis=0)
            norm = float(np.linalg.norm(vec))
            if norm > 0:
                out[row] = vec / norm
        return out


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return Embedder()

"""Scale and reliability: the Dask read engine, the crash harness and its corpus."""

# The two commands of the README. Each sets itself up on a fresh Debian machine.
VENV ?= .venv
export VENV

.PHONY: demo test lint bench

demo:
	scripts/bootstrap.sh demo
	$(VENV)/bin/wiqaya demo

test:
	scripts/test.sh

lint:
	$(VENV)/bin/ruff check src tests benchmarks evaluation

bench:
	scripts/bootstrap.sh test
	$(VENV)/bin/python -m benchmarks

"""Evaluation scripts: accuracy figures against gold data, printed."""

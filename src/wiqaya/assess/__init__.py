"""Assess stage: country-period series, forecast models, backtests and calibration."""

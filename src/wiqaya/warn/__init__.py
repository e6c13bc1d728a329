"""Warn stage: turn series, forecasts and indicator hits into alerts people act on,
and the monthly horizon-scanning brief.

``rules`` (data, not code) say what to watch; ``cusum``, ``detect`` are pure
functions over observations; ``run`` wires them to the store; ``states`` is
the alert life cycle; ``brief`` builds the monthly brief.
"""

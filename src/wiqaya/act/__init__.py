"""Act stage: situation files, the preventive-diplomacy toolbox, the warning-to-action clock,
the mediation roster, rapid-response funds and partners.

``latency`` and ``roster`` are pure functions; ``service`` runs them against
the store inside transactions; ``cli`` and the web layer call ``service``.
"""

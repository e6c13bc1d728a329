"""``python -m wiqaya`` runs the command-line tool."""

from wiqaya.cli.main import main

main()

from produktkatalog.cli import main

main()

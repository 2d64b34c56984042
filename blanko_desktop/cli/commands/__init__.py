"""The command groups; each module registers its subcommands and imports its heavy dependencies in the handler."""

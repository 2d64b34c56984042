"""The verification step: the completeness checklist, and the completion request to the LSP."""

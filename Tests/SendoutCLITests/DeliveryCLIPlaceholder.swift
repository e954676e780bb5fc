// CLI tests for fire/audit/retry/listen run the built binary; they live with the CLI test suite.

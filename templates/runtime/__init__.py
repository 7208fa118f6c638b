"""The runtime every generated client shares: transport, retries, errors, auth, paging, jobs."""

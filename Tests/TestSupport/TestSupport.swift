// Shared test helpers: temporary databases, raw-socket client.

/// Namespace marker for the `WardenAudit` module.
public enum WardenAuditModule {}

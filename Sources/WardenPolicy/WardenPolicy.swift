/// Namespace marker for the `WardenPolicy` module.
public enum WardenPolicyModule {}

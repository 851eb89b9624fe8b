/// Namespace marker for the `WardenLocalRuntime` module.
public enum WardenLocalRuntimeModule {}

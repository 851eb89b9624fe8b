/// Namespace marker for the `WardenRuntime` module.
public enum WardenRuntimeModule {}

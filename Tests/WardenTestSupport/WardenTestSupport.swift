import WardenRuntime

/// Namespace marker for the shared test doubles.
public enum WardenTestSupportModule {}

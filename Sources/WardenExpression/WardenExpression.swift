/// Namespace marker for the `WardenExpression` module.
public enum WardenExpressionModule {}

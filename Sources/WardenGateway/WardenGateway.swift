/// Namespace marker for the `WardenGateway` module.
public enum WardenGatewayModule {}

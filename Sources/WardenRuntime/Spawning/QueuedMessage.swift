import WardenValue

/// A message queued with the spawner's `with_message`, delivered before the child runs.
public struct QueuedMessage: Sendable, Hashable {
    /// The topic; must not start with `@`.
    public var topic: String
    /// The payload values.
    public var payload: [Value]

    /// Creates a queued message.
    public init(topic: String, payload: [Value]) {
        self.topic = topic
        self.payload = payload
    }
}

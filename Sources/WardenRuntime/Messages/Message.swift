import WardenValue

/// One delivered message: a topic, the sender and the payload values.
public struct Message: Sendable, Hashable {
    /// The topic the message was sent on.
    public var topic: String
    /// The sending process, or `nil` for messages the runtime sends itself.
    public var from: PID?
    /// The payload values, copied at send time.
    public var payload: [Value]

    /// Creates a message.
    public init(topic: String, from: PID?, payload: [Value]) {
        self.topic = topic
        self.from = from
        self.payload = payload
    }
}

import WardenValue

/// The channel behind one `listen` topic, in the format it was asked for.
public enum TopicSubscription: Sendable {
    /// Delivers raw payloads (`listen(topic)`).
    case payloads(ProcessChannel<[Value]>)
    /// Delivers whole ``Message`` values (`listen(topic, {message = true})`).
    case messages(ProcessChannel<Message>)

    /// Delivers `message` in this subscription's format; `false` when the channel is closed.
    @discardableResult
    public func deliver(_ message: Message) -> Bool {
        switch self {
        case .payloads(let channel): channel.deliver(message.payload)
        case .messages(let channel): channel.deliver(message)
        }
    }

    /// Closes the channel (see ``ProcessChannel/close(discarding:)``).
    public func close(discarding: Bool = false) {
        switch self {
        case .payloads(let channel): channel.close(discarding: discarding)
        case .messages(let channel): channel.close(discarding: discarding)
        }
    }

    /// The identity of the underlying channel, to match it in `unlisten`.
    public var channelID: ObjectIdentifier {
        switch self {
        case .payloads(let channel): ObjectIdentifier(channel)
        case .messages(let channel): ObjectIdentifier(channel)
        }
    }
}

import WardenValue

/// What a `listen` channel yields: raw payloads (the default) or whole messages.
public struct ListenFormat<Element: Sendable>: Sendable {
    /// Wraps a fresh channel of this format as a subscription.
    public let subscription: @Sendable (ProcessChannel<Element>) -> TopicSubscription
    /// The channel of an existing subscription, if it has this format.
    public let channel: @Sendable (TopicSubscription) -> ProcessChannel<Element>?
    /// The spec's `message` option: `true` for ``messages``.
    public let deliversMessages: Bool
}

extension ListenFormat where Element == [Value] {
    /// Raw payload values, one array per message (`{message = false}`).
    public static var payloads: ListenFormat<[Value]> {
        ListenFormat(
            subscription: { .payloads($0) },
            channel: { if case .payloads(let c) = $0 { c } else { nil } },
            deliversMessages: false)
    }
}

extension ListenFormat where Element == Message {
    /// Whole ``Message`` values with topic and sender (`{message = true}`).
    public static var messages: ListenFormat<Message> {
        ListenFormat(
            subscription: { .messages($0) },
            channel: { if case .messages(let c) = $0 { c } else { nil } },
            deliversMessages: true)
    }
}
